package dev.custommodels.implementation.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global one-to-one assignment of fields to attributes, with an "unmapped" option per field. Fields that share
 * no candidate are solved apart (connected components); each component is solved with {@link Hungarian} on a
 * square matrix: its fields plus one padding row per attribute, its attributes plus one "unmapped" column per
 * field. A field gains {@code score - threshold} from an attribute and 0 from staying unmapped, so no field takes
 * an attribute below the threshold, and two fields never take the same attribute. On equal scores the earlier
 * field wins.
 */
final class Assigner {
    private static final double FORBIDDEN = 1e6;
    private static final double ORDER_EPSILON = 1e-7;

    private Assigner() {
    }

    /**
     * One option of a field.
     *
     * @param attr the attribute's index in the catalog
     * @param score the score
     */
    record Option(int attr, double score) {
    }

    /**
     * Assigns.
     *
     * @param options per field, its options at or above the threshold
     * @param threshold the score below which a field stays unmapped
     * @return per field, the chosen attribute index or -1
     */
    static int[] assign(List<List<Option>> options, double threshold) {
        int n = options.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<Integer, Integer> owner = new HashMap<>();
        for (int f = 0; f < n; f++) {
            for (Option o : options.get(f)) {
                Integer g = owner.putIfAbsent(o.attr(), f);
                if (g != null) {
                    union(parent, f, g);
                }
            }
        }
        Map<Integer, List<Integer>> components = new HashMap<>();
        for (int f = 0; f < n; f++) {
            if (!options.get(f).isEmpty()) {
                components.computeIfAbsent(find(parent, f), k -> new ArrayList<>()).add(f);
            }
        }
        int[] chosen = new int[n];
        java.util.Arrays.fill(chosen, -1);
        for (List<Integer> fields : components.values()) {
            solve(fields, options, threshold, chosen, n);
        }
        return chosen;
    }

    private static void solve(List<Integer> fields, List<List<Option>> options, double threshold, int[] chosen,
            int total) {
        if (fields.size() == 1) {
            int f = fields.get(0);
            Option best = null;
            for (Option o : options.get(f)) {
                if (best == null || o.score() > best.score()) {
                    best = o;
                }
            }
            chosen[f] = best.attr();
            return;
        }
        Map<Integer, Integer> column = new HashMap<>();
        for (int f : fields) {
            for (Option o : options.get(f)) {
                column.putIfAbsent(o.attr(), column.size());
            }
        }
        int k = fields.size();
        int c = column.size();
        int size = k + c;
        double[][] cost = new double[size][size];
        for (int r = 0; r < k; r++) {
            int f = fields.get(r);
            java.util.Arrays.fill(cost[r], 0, c, FORBIDDEN);
            for (Option o : options.get(f)) {
                double gain = o.score() - threshold + ORDER_EPSILON * (total - f);
                int col = column.get(o.attr());
                cost[r][col] = Math.min(cost[r][col], -gain);
            }
        }
        int[] rowToCol = Hungarian.solve(cost);
        int[] attrOfColumn = new int[c];
        column.forEach((attr, col) -> attrOfColumn[col] = attr);
        for (int r = 0; r < k; r++) {
            int col = rowToCol[r];
            if (col < c && cost[r][col] < FORBIDDEN) {
                chosen[fields.get(r)] = attrOfColumn[col];
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
