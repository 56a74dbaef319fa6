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
    private final Map<String, Double> keyWeights = new HashMap<>();
    private final Map<String, java.util.Set<Integer>> entitiesByKey = new HashMap<>();
    private final Map<String, List<Integer>> postingLists = new HashMap<>();
    private final Map<String, int[]> postings = new HashMap<>();
    /** Per attribute, its entity's index: read in the candidate scan without touching the attribute. */
    int[] entityOf;
    /** Per attribute, the smaller total term weight of name and display name, for upper bounds. */
    double[] minWeightOf;
    /** Per attribute, the ordinal of its data type. */
    byte[] typeOf;
    private final Map<String, List<Integer>> byCompact = new HashMap<>();
    private final Set<String> words = new HashSet<>();
    private final Map<String, List<String>> deletions = new HashMap<>();
    private final Map<String, List<String>> neighbourCache = new java.util.concurrent.ConcurrentHashMap<>();
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
        /** Whether the display name shares no term with the attribute name: a different label altogether. */
        boolean relabelled;
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
        Map<String, List<String>> splits = new HashMap<>();
        for (EntitySchema e : entities) {
            addWords(lexicon, splits, e.name());
            for (Attribute a : e.attributes()) {
                addWords(lexicon, splits, a.name());
                if (a.displayName() != null) {
                    addWords(lexicon, splits, a.displayName());
                }
            }
        }
        this.analyzer = new NameAnalyzer(vocabulary, lexicon);
        Map<String, AnalyzedName> analysed = new HashMap<>();
        java.util.function.Function<String, AnalyzedName> analyse = n -> analysed.computeIfAbsent(n,
                k -> analyzer.analyze(k, splits.get(k)));
        for (int ei = 0; ei < entities.size(); ei++) {
            EntitySchema e = entities.get(ei);
            AnalyzedName en = analyse.apply(e.name());
            entityNames.add(en);
            for (AnalyzedName.Term t : en.terms()) {
                entitiesByKey.computeIfAbsent(t.key(), k -> new java.util.TreeSet<>()).add(ei);
                if (!t.concept()) {
                    addWord(t.surface());
                }
            }
            for (Attribute a : e.attributes()) {
                // A display name made of the same words as the name ("First Name" for firstName) adds nothing.
                AnalyzedName dn = a.displayName() == null
                        || splits.get(a.displayName()).equals(splits.get(a.name())) ? null
                        : analyse.apply(a.displayName());
                AttrInfo info = new AttrInfo(attrs.size(), ei, e, a, analyse.apply(a.name()), dn);
                attrs.add(info);
                index(info);
            }
        }
        postingLists.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        postingLists.clear();
        df.forEach((k, d) -> keyWeights.put(k, 1.0 / (1.0 + Math.log1p(d))));
        entityOf = new int[attrs.size()];
        minWeightOf = new double[attrs.size()];
        typeOf = new byte[attrs.size()];
        for (AttrInfo a : attrs) {
            entityOf[a.index] = a.entity;
            typeOf[a.index] = (byte) a.attribute.type().ordinal();
            a.relabelled = a.display != null && java.util.Collections.disjoint(
                    DerivationIndex.keySet(a.name), DerivationIndex.keySet(a.display));
            a.nameWeights = weights(a.name.terms());
            a.displayWeights = a.display == null ? null : weights(a.display.terms());
            minWeightOf[a.index] = Math.max(1e-9, Math.min(sum(a.nameWeights),
                    a.displayWeights == null ? Double.MAX_VALUE : sum(a.displayWeights)));
        }
    }

    private static void addWords(Set<String> lexicon, Map<String, List<String>> splits, String name) {
        List<String> split = splits.get(name);
        if (split != null) {
            return;
        }
        split = Tokenizer.split(name);
        splits.put(name, split);
        for (String w : split) {
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
            postingLists.computeIfAbsent(k, x -> {
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
        double w = weight(t.key());
        return t.weak() ? w * 0.3 : w;
    }

    /** The weight of a term key, before any weak discount. */
    double weight(String key) {
        return keyWeights.getOrDefault(key, UNKNOWN_WEIGHT);
    }

    /** The entities whose own name has a term with this key. */
    java.util.Set<Integer> entitiesNamed(String key) {
        return entitiesByKey.getOrDefault(key, java.util.Set.of());
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s;
    }

    double[] weights(List<Term> terms) {
        double[] w = new double[terms.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(terms.get(i));
        }
        return w;
    }

    private static final int[] NONE = new int[0];
    /** Words longer than this are compared whole only; typos are looked for in shorter ones. */
    static final int MAX_TYPO_WORD = 40;
    /** The weight of a word the catalog does not have: that of a word it has once. */
    static final double UNKNOWN_WEIGHT = 1.0 / (1.0 + Math.log1p(1));

    int[] postings(String key) {
        return postings.getOrDefault(key, NONE);
    }

    List<Integer> sameCompactName(String compact) {
        return byCompact.getOrDefault(compact, List.of());
    }

    /** The attribute index of an entity's primary key. */
    java.util.Optional<Integer> primaryKeyOf(int entity) {
        for (int pk : primaryKeys) {
            if (attrs.get(pk).entity == entity) {
                return java.util.Optional.of(pk);
            }
        }
        return java.util.Optional.empty();
    }

    List<Integer> primaryKeys() {
        return primaryKeys;
    }

    private void addWord(String w) {
        if (!words.add(w)) {
            return;
        }
        if (w.length() >= 5 && w.length() <= MAX_TYPO_WORD) {
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
     * Known plain words that a field word may be a typo of.
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
        if (l >= 5 && l <= MAX_TYPO_WORD) {
            for (String d : deletionsOf(word)) {
                for (String w : deletions.getOrDefault(d, List.of())) {
                    found.add(w);
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
