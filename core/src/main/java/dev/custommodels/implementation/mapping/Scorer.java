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
    /** Of the pairs that cannot reach the review threshold, this many (best bound first) are scored as near misses. */
    static final int WEAK_KEPT = 8;
    private final CatalogIndex index;
    private final DerivationIndex derivations;
    private final Vocabulary vocabulary;
    private final double reviewThreshold;
    private final List<ChainRule> chain = new ArrayList<>();

    Scorer(CatalogIndex index, Vocabulary vocabulary, List<MappingRule> hostRules, double reviewThreshold) {
        this.index = index;
        this.reviewThreshold = reviewThreshold;
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
        return new FieldInfo(i, f, n, index.weights(n.terms()), derivations.forField(n), spelling);
    }

    /**
     * Scores every candidate attribute of a field that could reach {@link #FLOOR}.
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
        List<double[]> weak = new ArrayList<>();
        double sure = reviewThreshold - Settings.ENTITY_BONUS;
        int[] entityOf = index.entityOf;
        double[] minWeight = index.minWeightOf;
        for (int k = 0; k < scratch.touchedCount; k++) {
            int i = scratch.touched[k];
            int entity = entityOf[i];
            boolean forced = scratch.forced.get(i);
            double fc = fieldTotal == 0 ? 0 : Math.min(1, (scratch.fieldAcc[i] + context[entity]) / fieldTotal);
            double ac = Math.min(1, scratch.attrAcc[i] / minWeight[i]);
            double bound = fc + ac == 0 ? 0 : 2 * fc * ac / (fc + ac);
            if (allowedEntity < 0 || entity == allowedEntity) {
                if (forced || bound >= sure) {
                    out.add(evaluate(f, index.attrs.get(i), false));
                } else if (bound >= FLOOR) {
                    weak.add(new double[] {bound, i});
                }
            }
            scratch.fieldAcc[i] = 0;
            scratch.attrAcc[i] = 0;
        }
        scratch.forced.clear();
        scratch.touchedCount = 0;
        if (weak.size() > WEAK_KEPT) {
            weak.sort((x, y) -> Double.compare(y[0], x[0]));
        }
        for (int k = 0; k < Math.min(WEAK_KEPT, weak.size()); k++) {
            out.add(evaluate(f, index.attrs.get((int) weak.get(k)[1]), false));
        }
        return out;
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
            for (var keys : d.attributeTerms()) {
                force(scratch, index.postings(keys.iterator().next()));
            }
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
        for (int e = 0; e < out.length; e++) {
            for (Term et : index.entityNames.get(e).terms()) {
                for (int t = 0; t < f.name.terms().size(); t++) {
                    if (et.key().equals(f.name.terms().get(t).key())) {
                        out[e] += f.weights[t] * NameMatcher.ENTITY;
                    }
                }
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
