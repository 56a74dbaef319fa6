package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.mapping.MappingRule;
import dev.custommodels.models.ModelField;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Finds the candidate attributes of each field through the catalog's inverted index (shared words, synonyms,
 * spelling neighbours, related concepts, derivations, primary keys for bare identifiers) and scores each pair with
 * the rule chain: name, display name, numbering, identifier, type, derivation, then the host's rules.
 */
final class Scorer {
    /**
     * Pairs whose score cannot reach this (by an upper bound from the shared words' weights) are not scored; they
     * could be neither a target nor a useful near miss.
     */
    static final double FLOOR = 0.3;
    /** Pairs kept per field, enough for the assignment's options and the near misses. */
    static final int KEPT = 10;
    /** Pairs whose types never convert kept per field, best bound first, as near misses. */
    static final int VETOED_KEPT = 3;
    private static final double BOUND_SCALE = 1 << 20;
    private final CatalogIndex index;
    private final DerivationIndex derivations;
    private final Vocabulary vocabulary;
    private final List<ChainRule> chain = new ArrayList<>();

    Scorer(CatalogIndex index, Vocabulary vocabulary, List<MappingRule> hostRules) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.derivations = new DerivationIndex(vocabulary, index.analyzer);
        NameMatcher matcher = new NameMatcher(vocabulary);
        chain.add(new NameRules.AttributeName(matcher, index));
        chain.add(new NameRules.DisplayName(matcher, index));
        chain.add(new NameRules.HeadWord());
        chain.add(new CheckRules.Numbering());
        chain.add(new CheckRules.Identifier());
        chain.add(new CheckRules.Type());
        chain.add(new CheckRules.Derivation());
        for (MappingRule r : hostRules) {
            chain.add(new CheckRules.Host(r));
        }
    }

    FieldInfo field(int i, ModelField f) {
        AnalyzedName n = index.analyzer.analyze(f.name());
        List<java.util.Map<String, Double>> spelling = new ArrayList<>();
        for (Term t : n.terms()) {
            java.util.Map<String, Double> m = new java.util.HashMap<>();
            if (!t.concept()) {
                for (String w : index.spellingNeighbours(t.surface())) {
                    m.put(w, NameMatcher.spelling(t.surface(), w));
                }
            }
            spelling.add(m);
        }
        return new FieldInfo(i, f, n, index.weights(n.terms()), derivations.forField(n), spelling,
                countedEntities(n));
    }

    /**
     * A field that counts something named like an entity ({@code NumWebPurchases}, {@code order_count}) counts that
     * entity's records: a derivation, not a mapping.
     */
    private java.util.Set<Integer> countedEntities(AnalyzedName n) {
        String count = vocabulary.conceptOf("count");
        if (count == null || n.terms().stream().noneMatch(t -> t.key().equals(count))) {
            return java.util.Set.of();
        }
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (Term t : n.terms()) {
            if (!t.key().equals(count)) {
                out.addAll(index.entitiesNamed(t.key()));
            }
        }
        return out;
    }

    /**
     * Scores the candidate attributes of a field that could reach {@link #FLOOR}, best first, as many as needed.
     *
     * @param f the field
     * @param allowedEntity the only entity to consider, or -1 for all
     * @param scratch work arrays sized to the catalog, reused across fields
     * @return the scored pairs, vetoed ones included
     */
    List<Pair> candidates(FieldInfo f, int allowedEntity, Scratch scratch) {
        collect(f, scratch);
        double fieldTotal = 0;
        for (double w : f.weights) {
            fieldTotal += w;
        }
        double[] context = entityContext(f);
        List<Pair> out = new ArrayList<>();
        long[] order = new long[scratch.touchedCount];
        long[] typeVetoed = new long[scratch.touchedCount];
        int n = 0;
        int nv = 0;
        dev.custommodels.models.DataType fieldType = f.field.type();
        int[] entityOf = index.entityOf;
        double[] minWeight = index.minWeightOf;
        byte[] typeOf = index.typeOf;
        dev.custommodels.models.DataType[] types = dev.custommodels.models.DataType.values();
        for (int k = 0; k < scratch.touchedCount; k++) {
            int i = scratch.touched[k];
            int entity = entityOf[i];
            if (allowedEntity < 0 || entity == allowedEntity) {
                if (scratch.forced.get(i)) {
                    out.add(evaluate(f, index.attrs.get(i), false));
                } else {
                    double fc = fieldTotal == 0 ? 0
                            : Math.min(1, (scratch.fieldAcc[i] + context[entity]) / fieldTotal);
                    double ac = Math.min(1, scratch.attrAcc[i] / minWeight[i]);
                    double bound = fc + ac == 0 ? 0 : 2 * fc * ac / (fc + ac);
                    if (bound >= FLOOR) {
                        double typeFactor = CheckRules.Type.bestFactor(types[typeOf[i]], fieldType);
                        // A pair whose types never convert, keys or not, is only a near miss: few are scored.
                        if (typeFactor > 0) {
                            order[n++] = ((long) (bound * typeFactor * BOUND_SCALE) << 32) | i;
                        } else {
                            typeVetoed[nv++] = ((long) (bound * BOUND_SCALE) << 32) | i;
                        }
                    }
                }
            }
            scratch.fieldAcc[i] = 0;
            scratch.attrAcc[i] = 0;
        }
        scratch.forced.clear();
        scratch.touchedCount = 0;
        evaluateBest(f, order, n, out);
        java.util.Arrays.sort(typeVetoed, 0, nv);
        for (int k = nv - 1; k >= Math.max(0, nv - VETOED_KEPT); k--) {
            out.add(evaluate(f, index.attrs.get((int) typeVetoed[k]), false));
        }
        return out;
    }

    /**
     * Scores candidates best bound first (the bound covers the name rules and the type rule's factor), keeping on
     * until {@link #KEPT} pairs are scored and no remaining bound, plus the largest entity and primary-key bonuses,
     * can beat the {@link #KEPT}-th best score.
     */
    private void evaluateBest(FieldInfo f, long[] order, int n, List<Pair> out) {
        java.util.Arrays.sort(order, 0, n);
        java.util.PriorityQueue<Double> top = new java.util.PriorityQueue<>();
        for (Pair p : out) {
            top.add(p.score);
        }
        for (int k = n - 1; k >= 0; k--) {
            double bound = (order[k] >>> 32) / BOUND_SCALE;
            if (top.size() >= KEPT && bound + Settings.ENTITY_BONUS + CheckRules.PRIMARY_KEY_BONUS < top.peek()) {
                break;
            }
            Pair p = evaluate(f, index.attrs.get((int) order[k]), false);
            out.add(p);
            if (!p.vetoed() || p.derivation) {
                top.add(p.score);
                if (top.size() > KEPT) {
                    top.poll();
                }
            }
        }
    }

    /** Runs the chain on one pair. */
    Pair evaluate(FieldInfo f, AttrInfo a, boolean explain) {
        Pair p = new Pair(f, a, explain);
        for (ChainRule r : chain) {
            r.apply(p);
        }
        return p;
    }

    private void collect(FieldInfo f, Scratch scratch) {
        List<Term> terms = f.name.terms();
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            double w = f.weights[t];
            accumulate(scratch, index.postings(term.key()), w, index.weight(term.key()));
            for (String rel : vocabulary.relatedTo(term.key())) {
                accumulate(scratch, index.postings(rel), w * NameMatcher.RELATED,
                        index.weight(rel) * NameMatcher.RELATED);
            }
            for (Map.Entry<String, Double> nb : f.spelling.get(t).entrySet()) {
                accumulate(scratch, index.postings(nb.getKey()), w * nb.getValue(),
                        index.weight(nb.getKey()) * nb.getValue());
            }
        }
        force(scratch, index.sameCompactName(f.name.compact()).stream().mapToInt(Integer::intValue).toArray());
        if (f.name.bareKey()) {
            force(scratch, index.primaryKeys().stream().mapToInt(Integer::intValue).toArray());
        }
        for (DerivationIndex.Prepared d : f.derivations) {
            for (DerivationIndex.Side side : d.attributeTerms()) {
                force(scratch, index.postings(side.keys().iterator().next()));
            }
        }
        for (int e : f.countedEntities) {
            index.primaryKeyOf(e).ifPresent(pk -> force(scratch, new int[] {pk}));
        }
    }

    private static void accumulate(Scratch s, int[] postings, double fieldWeight, double attrWeight) {
        for (int i : postings) {
            if (s.fieldAcc[i] == 0 && s.attrAcc[i] == 0 && !s.forced.get(i)) {
                s.touched[s.touchedCount++] = i;
            }
            s.fieldAcc[i] += fieldWeight;
            s.attrAcc[i] += attrWeight;
        }
    }

    private static void force(Scratch s, int[] postings) {
        for (int i : postings) {
            if (s.fieldAcc[i] == 0 && s.attrAcc[i] == 0 && !s.forced.get(i)) {
                s.touched[s.touchedCount++] = i;
            }
            s.forced.set(i);
        }
    }

    /** Per entity, how much of the field its own name can explain (at the entity-name rate). */
    private double[] entityContext(FieldInfo f) {
        double[] out = new double[index.entities.size()];
        for (int t = 0; t < f.name.terms().size(); t++) {
            for (int e : index.entitiesNamed(f.name.terms().get(t).key())) {
                out[e] += f.weights[t] * NameMatcher.ENTITY;
            }
        }
        return out;
    }

    /** Work arrays of one proposal: per attribute, the accumulated bounds; which attributes were touched. */
    static final class Scratch {
        final double[] fieldAcc;
        final double[] attrAcc;
        final int[] touched;
        final BitSet forced;
        int touchedCount;

        Scratch(int attributes) {
            fieldAcc = new double[attributes];
            attrAcc = new double[attributes];
            touched = new int[attributes];
            forced = new BitSet(attributes);
        }
    }
}
