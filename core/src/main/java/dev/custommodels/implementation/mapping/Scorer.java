package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.mapping.MappingRule;
import dev.custommodels.models.ModelField;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the candidate attributes of each field through the catalog's inverted index (shared words, synonyms,
 * spelling neighbours, related concepts, derivations, primary keys for bare identifiers) and scores each pair with
 * the rule chain: name, display name, numbering, identifier, type, derivation, then the host's rules.
 */
final class Scorer {
    /** A word whose share of the field name is this small cannot lift a pair to review on its own. */
    private static final double PRUNE_BOUND = 0.4;
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
        return new FieldInfo(i, f, n, index.weights(n.terms()), derivations.forField(n));
    }

    /**
     * Scores every candidate attribute of a field.
     *
     * @param f the field
     * @param allowedEntity the only entity to consider, or -1 for all
     * @return the scored pairs, vetoed ones included
     */
    List<Pair> candidates(FieldInfo f, int allowedEntity) {
        BitSet ids = new BitSet(index.attrs.size());
        collect(f, ids);
        List<Pair> out = new ArrayList<>();
        for (int i = ids.nextSetBit(0); i >= 0; i = ids.nextSetBit(i + 1)) {
            AttrInfo a = index.attrs.get(i);
            if (allowedEntity < 0 || a.entity == allowedEntity) {
                out.add(evaluate(f, a, false));
            }
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

    private void collect(FieldInfo f, BitSet ids) {
        List<Term> terms = f.name.terms();
        double total = 0;
        for (double w : f.weights) {
            total += w;
        }
        BitSet contextEntities = entitiesNamedBy(f);
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            double share = total == 0 ? 0 : f.weights[t] / total;
            boolean weakAlone = terms.size() > 1 && 2 * share / (1 + share) < PRUNE_BOUND;
            add(index.postings(term.key()), ids, weakAlone ? contextEntities : null);
            for (String rel : vocabulary.relatedTo(term.key())) {
                add(index.postings(rel), ids, weakAlone ? contextEntities : null);
            }
            if (!term.concept()) {
                for (String nb : index.spellingNeighbours(term.surface())) {
                    add(index.postings(nb), ids, weakAlone ? contextEntities : null);
                }
            }
        }
        add(index.sameCompactName(f.name.compact()), ids, null);
        if (f.name.bareKey()) {
            add(index.primaryKeys(), ids, null);
        }
        for (DerivationIndex.Prepared d : f.derivations) {
            for (var keys : d.attributeTerms()) {
                add(index.postings(keys.iterator().next()), ids, null);
            }
        }
    }

    private void add(List<Integer> postings, BitSet ids, BitSet onlyEntities) {
        for (int i : postings) {
            if (onlyEntities == null || onlyEntities.get(index.attrs.get(i).entity)) {
                ids.set(i);
            }
        }
    }

    /** Entities whose own name shares a word with the field (their attributes may gain from the entity name). */
    private BitSet entitiesNamedBy(FieldInfo f) {
        BitSet out = new BitSet(index.entities.size());
        for (int e = 0; e < index.entityNames.size(); e++) {
            for (Term et : index.entityNames.get(e).terms()) {
                for (Term ft : f.name.terms()) {
                    if (et.key().equals(ft.key())) {
                        out.set(e);
                    }
                }
            }
        }
        return out;
    }
}
