package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import java.util.List;
import java.util.Map;

/**
 * How well each entity explains a model input, used to suggest the entity that feeds it and to break near-ties
 * between attributes of different entities. A field supports the entity that fits it best by how much better that
 * entity fits than any other (so a name every entity has, such as {@code description}, supports none); a pinned
 * field supports its entity fully. The bonus an entity's attributes get for one field mixes the entity's support
 * over the whole input with its support from the neighbouring fields (within {@value #NEIGHBOURHOOD} positions,
 * nearer counting more), since neighbouring columns of a data set usually come from the same table.
 */
final class EntitySupport {
    static final int NEIGHBOURHOOD = 2;
    static final double GLOBAL_SHARE = 0.5;
    final double[] total;
    private final double[][] perField;
    private final double maxTotal;
    private final double[][] bonusByField;

    EntitySupport(int entities, List<List<Pair>> pairs, Map<Integer, AttrInfo> pinned,
            Map<Integer, Integer> pinnedAttrs, double review) {
        total = new double[entities];
        perField = new double[pairs.size()][entities];
        for (int i = 0; i < pairs.size(); i++) {
            if (pinned.containsKey(i)) {
                perField[i][pinned.get(i).entity] = 1.0;
            } else {
                contribution(pairs.get(i), pinnedAttrs, review, perField[i]);
            }
            for (int e = 0; e < entities; e++) {
                total[e] += perField[i][e];
            }
        }
        double m = 0;
        for (double t : total) {
            m = Math.max(m, t);
        }
        maxTotal = m;
        bonusByField = new double[pairs.size()][];
    }

    private static void contribution(List<Pair> ps, Map<Integer, Integer> pinnedAttrs, double review, double[] out) {
        int ne = out.length;
        double[] best = new double[ne];
        for (Pair p : ps) {
            if (!p.vetoed() && (pinnedAttrs.isEmpty() || !pinnedAttrs.containsKey(p.attr.index))) {
                best[p.attr.entity] = Math.max(best[p.attr.entity], p.score);
            }
        }
        int top = 0;
        for (int e = 1; e < ne; e++) {
            if (best[e] > best[top]) {
                top = e;
            }
        }
        double second = 0;
        for (int e = 0; e < ne; e++) {
            if (e != top) {
                second = Math.max(second, best[e]);
            }
        }
        if (best[top] >= review) {
            out[top] = best[top] - second;
        }
    }

    /** The entity with the most support, or -1 when no entity has any. */
    int strongest() {
        int best = -1;
        for (int e = 0; e < total.length; e++) {
            if (total[e] > 0 && (best < 0 || total[e] > total[best])) {
                best = e;
            }
        }
        return best;
    }

    /** The bonus of an entity's attributes for one field, in [0, {@link Settings#ENTITY_BONUS}]. */
    double bonus(int field, int entity) {
        if (bonusByField[field] == null) {
            bonusByField[field] = compute(field);
        }
        return bonusByField[field][entity];
    }

    private double[] compute(int field) {
        int ne = total.length;
        double[] local = new double[ne];
        for (int j = Math.max(0, field - NEIGHBOURHOOD); j <= Math.min(perField.length - 1, field + NEIGHBOURHOOD);
                j++) {
            if (j != field) {
                for (int e = 0; e < ne; e++) {
                    local[e] += perField[j][e] / Math.abs(j - field);
                }
            }
        }
        double maxLocal = 0;
        for (double l : local) {
            maxLocal = Math.max(maxLocal, l);
        }
        double[] b = new double[ne];
        for (int e = 0; e < ne; e++) {
            double global = maxTotal > 0 ? total[e] / maxTotal : 0;
            double near = maxLocal > 0 ? local[e] / maxLocal : 0;
            b[e] = Settings.ENTITY_BONUS * (GLOBAL_SHARE * global + (1 - GLOBAL_SHARE) * near);
        }
        return b;
    }
}
