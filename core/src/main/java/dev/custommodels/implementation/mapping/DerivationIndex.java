package dev.custommodels.implementation.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The vocabulary's derivations, analysed with one catalog's analyser so they compare by term keys. */
final class DerivationIndex {
    private final List<Prepared> prepared = new ArrayList<>();

    /**
     * One side's term of a derivation.
     *
     * @param keys the term keys a name must contain
     * @param text the term as written
     */
    record Side(Set<String> keys, String text) {
    }

    /**
     * One derivation ready for matching.
     *
     * @param fieldTerms the terms that name a derived field
     * @param attributeTerms the terms that name the attribute it is computed from
     */
    record Prepared(List<Side> fieldTerms, List<Side> attributeTerms) {
    }

    /**
     * How a field derives from an attribute.
     *
     * @param field the field's term
     * @param attribute the attribute's term
     * @param strength the share of the attribute's terms the attribute term covers
     */
    record Found(Side field, Side attribute, double strength) {
    }

    DerivationIndex(Vocabulary vocabulary, NameAnalyzer analyzer) {
        for (Vocabulary.Derivation d : vocabulary.derivations()) {
            prepared.add(new Prepared(sides(d.fieldTerms(), analyzer), sides(d.attributeTerms(), analyzer)));
        }
    }

    private static List<Side> sides(List<List<String>> terms, NameAnalyzer analyzer) {
        List<Side> out = new ArrayList<>();
        for (List<String> t : terms) {
            String text = String.join(" ", t);
            Set<String> k = keySet(analyzer.analyze(text));
            if (!k.isEmpty()) {
                out.add(new Side(k, text));
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
            if (p.fieldTerms().stream().anyMatch(s -> keys.containsAll(s.keys()))) {
                out.add(p);
            }
        }
        return out;
    }

    /** How a field (by its keys) derives from an attribute (by its keys) through one derivation, or null. */
    static Found match(Prepared p, Set<String> fieldKeys, Set<String> attributeKeys) {
        for (Side a : p.attributeTerms()) {
            if (attributeKeys.containsAll(a.keys())) {
                for (Side f : p.fieldTerms()) {
                    if (fieldKeys.containsAll(f.keys())) {
                        return new Found(f, a, (double) a.keys().size() / Math.max(1, attributeKeys.size()));
                    }
                }
            }
        }
        return null;
    }
}
