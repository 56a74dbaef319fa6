package dev.custommodels.implementation.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The vocabulary's derivations, analysed with one catalog's analyser so they compare by term keys. */
final class DerivationIndex {
    private final List<Prepared> prepared = new ArrayList<>();

    /**
     * One derivation ready for matching.
     *
     * @param fieldTerms the key sets that name a derived field
     * @param attributeTerms the key sets that name the attribute it is computed from
     * @param text the vocabulary line
     */
    record Prepared(List<Set<String>> fieldTerms, List<Set<String>> attributeTerms, String text) {
    }

    DerivationIndex(Vocabulary vocabulary, NameAnalyzer analyzer) {
        for (Vocabulary.Derivation d : vocabulary.derivations()) {
            prepared.add(new Prepared(keys(d.fieldTerms(), analyzer), keys(d.attributeTerms(), analyzer),
                    d.text()));
        }
    }

    private static List<Set<String>> keys(List<List<String>> terms, NameAnalyzer analyzer) {
        List<Set<String>> out = new ArrayList<>();
        for (List<String> t : terms) {
            Set<String> k = keySet(analyzer.analyze(String.join(" ", t)));
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    static Set<String> keySet(AnalyzedName n) {
        Set<String> k = new HashSet<>();
        n.terms().forEach(t -> k.add(t.key()));
        return k;
    }

    /** The derivations whose field side a field's name contains. */
    List<Prepared> forField(AnalyzedName field) {
        Set<String> keys = keySet(field);
        List<Prepared> out = new ArrayList<>();
        for (Prepared p : prepared) {
            if (p.fieldTerms().stream().anyMatch(keys::containsAll)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The attribute term of a derivation that an attribute's keys contain, or null. */
    static Set<String> attributeMatch(Prepared p, Set<String> attributeKeys) {
        for (Set<String> t : p.attributeTerms()) {
            if (attributeKeys.containsAll(t)) {
                return t;
            }
        }
        return null;
    }
}
