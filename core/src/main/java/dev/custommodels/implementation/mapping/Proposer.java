package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.mapping.AttributeRef;
import dev.custommodels.mapping.EntityScore;
import dev.custommodels.mapping.FieldMapping;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes the mapping of one model input against a prepared catalog: scores candidates, picks the entity that
 * best explains the input, gives its attributes a small bonus, assigns one to one, and explains the outcome.
 */
public final class Proposer {
    private final Settings settings;
    private final CatalogIndex index;
    private final Scorer scorer;

    /**
     * Prepares a catalog.
     *
     * @param settings the engine's settings
     * @param entities the entities; at least one, names unique
     * @throws IllegalArgumentException if there are no entities or two share a name
     */
    public Proposer(Settings settings, List<EntitySchema> entities) {
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("The catalog has no entities, so nothing can feed the model's "
                    + "fields; add at least one entity (or pass the one entity the host chose).");
        }
        Set<String> names = new HashSet<>();
        for (EntitySchema e : entities) {
            if (e == null) {
                throw new IllegalArgumentException("The catalog holds a null entity.");
            }
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("The catalog has two entities named '" + e.name()
                        + "'; entity names must be unique.");
            }
        }
        this.settings = settings;
        this.index = new CatalogIndex(entities, settings.vocabulary());
        this.scorer = new Scorer(index, settings.vocabulary(), settings.hostRules());
    }

    /**
     * Proposes a mapping.
     *
     * @param input the model input
     * @param entity the only entity to use, or null to search the whole catalog
     * @param pins fields bound by hand; an entity of null means the chosen entity
     * @return the proposal
     * @throws IllegalArgumentException if the entity or a pin names something that does not exist
     */
    public MappingProposal propose(ModelInput input, String entity, Map<String, AttributeRef> pins) {
        int only = entity == null ? -1 : entityIndex(entity);
        List<ModelField> fields = input.fields();
        Map<Integer, AttrInfo> pinned = resolvePins(input, only, pins);
        List<FieldInfo> infos = new ArrayList<>();
        List<List<Pair>> pairs = new ArrayList<>();
        Scorer.Scratch scratch = new Scorer.Scratch(index.attrs.size());
        for (int i = 0; i < fields.size(); i++) {
            FieldInfo f = scorer.field(i, fields.get(i));
            infos.add(f);
            pairs.add(pinned.containsKey(i) ? List.of() : scorer.candidates(f, only, scratch));
        }
        Map<Integer, Integer> pinnedAttrs = new HashMap<>();
        pinned.forEach((f, a) -> pinnedAttrs.putIfAbsent(a.index, f));
        EntitySupport support = new EntitySupport(index.entities.size(), pairs, pinned, pinnedAttrs,
                settings.reviewThreshold());
        int main = only >= 0 ? only : mainEntity(support, pairs);
        for (int i = 0; i < pairs.size(); i++) {
            for (Pair p : pairs.get(i)) {
                p.rank = p.score + (p.vetoed() ? 0 : support.bonus(i, p.attr.entity));
            }
        }
        int[] chosen = assign(pairs, pinnedAttrs);
        Explainer explainer = new Explainer(settings, scorer, support);
        List<FieldMapping> out = new ArrayList<>();
        Map<Integer, Integer> taken = new HashMap<>();
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] >= 0) {
                taken.put(chosen[i], i);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            out.add(pinned.containsKey(i) ? explainer.pinned(infos.get(i), pinned.get(i))
                    : explainer.field(infos.get(i), pairs.get(i), chosen[i], taken, pinnedAttrs, fields));
        }
        return new MappingProposal(input.name(), index.entities.get(main).name(), out,
                entityScores(support.total, out));
    }

    /**
     * Tells whether a field and an attribute are both identifiers, so a text key may feed a numeric key.
     *
     * @param field the field
     * @param entity the attribute's entity
     * @param attribute the attribute's name
     * @return whether both are keys
     */
    public boolean identifierPair(ModelField field, String entity, String attribute) {
        AnalyzedName f = index.analyzer.analyze(field.name());
        for (AttrInfo a : index.attrs) {
            if (a.schema.name().equals(entity) && a.attribute.name().equals(attribute)) {
                boolean attrKey = a.primaryKey || a.name.keyLike() == AnalyzedName.KeyLike.STRONG;
                return attrKey && (f.keyLike() == AnalyzedName.KeyLike.STRONG || f.bareKey());
            }
        }
        return false;
    }

    private int mainEntity(EntitySupport support, List<List<Pair>> pairs) {
        int best = support.strongest();
        if (best >= 0) {
            return best;
        }
        double[] sum = new double[index.entities.size()];
        for (List<Pair> ps : pairs) {
            for (Pair p : ps) {
                if (!p.vetoed() && p.score >= settings.reviewThreshold()) {
                    sum[p.attr.entity] += p.score;
                }
            }
        }
        best = 0;
        for (int e = 1; e < sum.length; e++) {
            if (sum[e] > sum[best]) {
                best = e;
            }
        }
        return best;
    }

    private int[] assign(List<List<Pair>> pairs, Map<Integer, Integer> pinnedAttrs) {
        List<List<Assigner.Option>> options = new ArrayList<>();
        for (List<Pair> ps : pairs) {
            List<Assigner.Option> os = new ArrayList<>();
            ps.stream()
                    .filter(p -> !p.vetoed() && p.rank >= settings.reviewThreshold()
                            && !pinnedAttrs.containsKey(p.attr.index))
                    .sorted(Comparator.comparingDouble((Pair p) -> -p.rank))
                    .limit(settings.maxCandidates())
                    .forEach(p -> os.add(new Assigner.Option(p.attr.index, p.rank)));
            options.add(os);
        }
        return Assigner.assign(options, settings.reviewThreshold());
    }

    private List<EntityScore> entityScores(double[] support, List<FieldMapping> out) {
        List<EntityScore> scores = new ArrayList<>();
        for (int e = 0; e < index.entities.size(); e++) {
            String name = index.entities.get(e).name();
            int n = (int) out.stream().filter(f -> f.target() != null && f.target().entity().equals(name)).count();
            if (support[e] > 0 || n > 0) {
                scores.add(new EntityScore(name, support[e], n));
            }
        }
        scores.sort(Comparator.comparingDouble((EntityScore s) -> -s.support())
                .thenComparingInt(s -> -s.fields()));
        return scores;
    }

    private int entityIndex(String name) {
        for (int e = 0; e < index.entities.size(); e++) {
            if (index.entities.get(e).name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("The catalog has no entity '" + name + "'. Entities: "
                + index.entities.stream().map(EntitySchema::name).toList() + ".");
    }

    private Map<Integer, AttrInfo> resolvePins(ModelInput input, int only, Map<String, AttributeRef> pins) {
        Map<Integer, AttrInfo> out = new HashMap<>();
        List<String> names = input.fields().stream().map(ModelField::name).toList();
        for (Map.Entry<String, AttributeRef> pin : pins.entrySet()) {
            int f = names.indexOf(pin.getKey());
            if (f < 0) {
                throw new IllegalArgumentException("A pin names the field '" + pin.getKey() + "', which input '"
                        + input.name() + "' does not have. Fields: " + names + ".");
            }
            out.put(f, resolve(pin.getKey(), pin.getValue(), only));
        }
        return out;
    }

    private AttrInfo resolve(String field, AttributeRef ref, int only) {
        List<AttrInfo> found = new ArrayList<>();
        for (AttrInfo a : index.attrs) {
            boolean entityOk = ref.entity() != null ? a.schema.name().equals(ref.entity())
                    : only < 0 || a.entity == only;
            if (entityOk && a.attribute.name().equals(ref.attribute())) {
                found.add(a);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            if (ref.entity() != null) {
                entityIndex(ref.entity());
            }
            throw new IllegalArgumentException("The pin of field '" + field + "' names '" + ref
                    + "', which the catalog does not have.");
        }
        throw new IllegalArgumentException("The pin of field '" + field + "' names '" + ref.attribute()
                + "', which several entities have: " + found.stream().map(a -> a.schema.name()).toList()
                + "; write Entity.attribute.");
    }
}
