package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.EntitySchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog prepared once per proposal: every attribute's analysed name and display name with term weights, the
 * inverted index from term key to attributes, the known words by length (for typos) and the primary keys.
 */
final class CatalogIndex {
    final List<EntitySchema> entities;
    final List<AttrInfo> attrs = new ArrayList<>();
    final List<AnalyzedName> entityNames = new ArrayList<>();
    final NameAnalyzer analyzer;
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<String, List<Integer>> postings = new HashMap<>();
    private final Map<String, List<Integer>> byCompact = new HashMap<>();
    private final java.util.TreeSet<String> words = new java.util.TreeSet<>();
    private final Map<String, List<String>> deletions = new HashMap<>();
    private final Map<String, List<String>> neighbourCache = new HashMap<>();
    private final List<Integer> primaryKeys = new ArrayList<>();

    /** One attribute of the catalog. */
    static final class AttrInfo {
        final int index;
        final int entity;
        final EntitySchema schema;
        final Attribute attribute;
        final AnalyzedName name;
        final AnalyzedName display;
        final boolean primaryKey;
        double[] nameWeights;
        double[] displayWeights;

        AttrInfo(int index, int entity, EntitySchema schema, Attribute attribute, AnalyzedName name,
                AnalyzedName display) {
            this.index = index;
            this.entity = entity;
            this.schema = schema;
            this.attribute = attribute;
            this.name = name;
            this.display = display;
            this.primaryKey = schema.primaryKey().equals(attribute.name());
        }
    }

    CatalogIndex(List<EntitySchema> entities, Vocabulary vocabulary) {
        this.entities = List.copyOf(entities);
        Set<String> lexicon = new HashSet<>(vocabulary.lexicon());
        for (EntitySchema e : entities) {
            addWords(lexicon, e.name());
            for (Attribute a : e.attributes()) {
                addWords(lexicon, a.name());
                if (a.displayName() != null) {
                    addWords(lexicon, a.displayName());
                }
            }
        }
        this.analyzer = new NameAnalyzer(vocabulary, lexicon);
        for (int ei = 0; ei < entities.size(); ei++) {
            EntitySchema e = entities.get(ei);
            entityNames.add(analyzer.analyze(e.name()));
            for (Attribute a : e.attributes()) {
                AnalyzedName dn = a.displayName() == null ? null : analyzer.analyze(a.displayName());
                AttrInfo info = new AttrInfo(attrs.size(), ei, e, a, analyzer.analyze(a.name()), dn);
                attrs.add(info);
                index(info);
            }
        }
        for (AttrInfo a : attrs) {
            a.nameWeights = weights(a.name.terms());
            a.displayWeights = a.display == null ? null : weights(a.display.terms());
        }
    }

    private static void addWords(Set<String> lexicon, String name) {
        for (String w : Tokenizer.split(name)) {
            if (w.length() >= 3 && !Tokenizer.isDigits(w)) {
                lexicon.add(Words.stem(w));
            }
        }
    }

    private void index(AttrInfo a) {
        Set<String> keys = new HashSet<>();
        a.name.terms().forEach(t -> keys.add(t.key()));
        if (a.display != null) {
            a.display.terms().forEach(t -> keys.add(t.key()));
        }
        for (String k : keys) {
            df.merge(k, 1, Integer::sum);
            postings.computeIfAbsent(k, x -> {
                if (!x.startsWith("~")) {
                    addWord(x);
                }
                return new ArrayList<>();
            }).add(a.index);
        }
        byCompact.computeIfAbsent(a.name.compact(), x -> new ArrayList<>()).add(a.index);
        if (a.primaryKey) {
            primaryKeys.add(a.index);
        }
    }

    /** The weight of a term: rare terms weigh more; weak terms count a third. */
    double weight(Term t) {
        int d = df.getOrDefault(t.key(), 0);
        double w = 1.0 / (1.0 + Math.log1p(d));
        return t.weak() ? w * 0.3 : w;
    }

    double[] weights(List<Term> terms) {
        double[] w = new double[terms.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(terms.get(i));
        }
        return w;
    }

    List<Integer> postings(String key) {
        return postings.getOrDefault(key, List.of());
    }

    List<Integer> sameCompactName(String compact) {
        return byCompact.getOrDefault(compact, List.of());
    }

    List<Integer> primaryKeys() {
        return primaryKeys;
    }

    private void addWord(String w) {
        words.add(w);
        if (w.length() >= 5) {
            for (String d : deletionsOf(w)) {
                deletions.computeIfAbsent(d, k -> new ArrayList<>()).add(w);
            }
        }
    }

    /** The word itself and the words made by deleting one letter, or up to two letters from long words. */
    private static Set<String> deletionsOf(String w) {
        Set<String> out = new HashSet<>();
        out.add(w);
        for (int i = 0; i < w.length(); i++) {
            String d = w.substring(0, i) + w.substring(i + 1);
            out.add(d);
            if (w.length() >= 9) {
                for (int j = 0; j < d.length(); j++) {
                    out.add(d.substring(0, j) + d.substring(j + 1));
                }
            }
        }
        return out;
    }

    /**
     * Known plain words that a field word may be a typo of, a prefix of, or have as a prefix.
     *
     * @param word a stemmed field word
     * @return the neighbours, without the word itself
     */
    List<String> spellingNeighbours(String word) {
        List<String> cached = neighbourCache.get(word);
        if (cached != null) {
            return cached;
        }
        Set<String> found = new HashSet<>();
        int l = word.length();
        if (l >= 5 && l <= 64) {
            for (String d : deletionsOf(word)) {
                for (String w : deletions.getOrDefault(d, List.of())) {
                    found.add(w);
                }
            }
        }
        if (l >= 4 && l <= 64) {
            for (String w : words.subSet(word, true, word + Character.MAX_VALUE, false)) {
                if (w.length() <= 2 * l) {
                    found.add(w);
                }
            }
            for (int k = Math.max(4, (l + 1) / 2); k < l; k++) {
                String p = word.substring(0, k);
                if (words.contains(p)) {
                    found.add(p);
                }
            }
        }
        found.remove(word);
        List<String> out = new ArrayList<>();
        for (String w : found) {
            if (NameMatcher.spelling(word, w) > 0) {
                out.add(w);
            }
        }
        neighbourCache.put(word, out);
        return out;
    }
}
