package dev.custommodels.implementation.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the engine knows: synonym groups (one concept per group), related concepts, abbreviations, noise and
 * weak words, and derivations. Read from the line format documented in the {@code dev.custommodels.mapping}
 * package. Immutable once built.
 */
public final class Vocabulary {
    /** The built-in vocabulary resource, next to the public mapping classes. */
    public static final String DEFAULT_RESOURCE = "/dev/custommodels/mapping/synonyms.txt";

    private final Map<String, List<String>> abbrAny;
    private final Map<String, List<String>> abbrFirst;
    private final Map<String, List<String>> abbrLast;
    private final Set<String> noise;
    private final Set<String> weak;
    private final Map<String, String> phraseToConcept;
    private final Map<String, String> conceptLabel;
    private final Set<String> related;
    private final Map<String, List<String>> relatedTo;
    private final List<Derivation> derivations;
    private final Set<String> lexicon;
    private final Map<String, Integer> phraseLengthByFirstWord;

    /**
     * A derivation: a field named by one of {@code fieldTerms} is computed from an attribute named by one of
     * {@code attributeTerms}; each term is a list of words.
     *
     * @param fieldTerms the field terms
     * @param attributeTerms the attribute terms
     * @param text the line as written, for explanations
     */
    public record Derivation(List<List<String>> fieldTerms, List<List<String>> attributeTerms, String text) {
    }

    private Vocabulary(Builder b) {
        this.abbrAny = Map.copyOf(b.abbrAny);
        this.abbrFirst = Map.copyOf(b.abbrFirst);
        this.abbrLast = Map.copyOf(b.abbrLast);
        this.noise = Set.copyOf(b.noise);
        this.weak = Set.copyOf(b.weak);
        this.derivations = List.copyOf(b.derivations);
        Map<String, String> p2c = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, Integer> byFirst = new HashMap<>();
        for (List<String> group : b.mergedGroups()) {
            String concept = "~" + group.get(0);
            labels.put(concept, String.join(" | ", group));
            for (String term : group) {
                p2c.put(term, concept);
                String[] ws = term.split(" ");
                byFirst.merge(ws[0], ws.length, Math::max);
            }
        }
        this.phraseLengthByFirstWord = Map.copyOf(byFirst);
        Set<String> rel = new HashSet<>();
        Map<String, List<String>> relTo = new HashMap<>();
        for (String[] pair : b.related) {
            String c1 = p2c.get(pair[0]);
            String c2 = p2c.get(pair[1]);
            if (c1 != null && c2 != null && !c1.equals(c2) && rel.add(c1 + "\u0000" + c2)) {
                rel.add(c2 + "\u0000" + c1);
                relTo.computeIfAbsent(c1, k -> new ArrayList<>()).add(c2);
                relTo.computeIfAbsent(c2, k -> new ArrayList<>()).add(c1);
            }
        }
        Map<String, List<String>> relToCopy = new HashMap<>();
        relTo.forEach((k, v) -> relToCopy.put(k, List.copyOf(v)));
        this.relatedTo = Map.copyOf(relToCopy);
        Set<String> lex = new HashSet<>(b.words);
        this.phraseToConcept = Map.copyOf(p2c);
        this.conceptLabel = Map.copyOf(labels);
        this.related = Set.copyOf(rel);
        this.lexicon = Set.copyOf(lex);
    }

    /**
     * Starts an empty vocabulary.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the built-in vocabulary into a builder.
     *
     * @param b the builder
     * @return the builder
     */
    public static Builder withDefaults(Builder b) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The built-in mapping vocabulary " + DEFAULT_RESOURCE
                        + " is missing from the class path; the custom-models-core jar is incomplete.");
            }
            return b.parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    List<String> abbreviation(String word, boolean first, boolean last) {
        if (first && abbrFirst.containsKey(word)) {
            return abbrFirst.get(word);
        }
        if (last && abbrLast.containsKey(word)) {
            return abbrLast.get(word);
        }
        return abbrAny.get(word);
    }

    boolean isNoise(String stem) {
        return noise.contains(stem);
    }

    boolean isWeak(String stem) {
        return weak.contains(stem);
    }

    String conceptOf(String phrase) {
        return phraseToConcept.get(phrase);
    }

    String label(String concept) {
        return conceptLabel.getOrDefault(concept, concept);
    }

    boolean related(String key1, String key2) {
        List<String> r = relatedTo.get(key1);
        return r != null && r.contains(key2);
    }

    List<String> relatedTo(String key) {
        return relatedTo.getOrDefault(key, List.of());
    }

    /** The most words of a synonym term that starts with this word, or 0 when none does. */
    int phraseLength(String firstWord) {
        return phraseLengthByFirstWord.getOrDefault(firstWord, 0);
    }

    List<Derivation> derivations() {
        return derivations;
    }

    Set<String> lexicon() {
        return lexicon;
    }

    /** Collects vocabulary entries; later entries add to earlier ones. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<String>> abbrAny = new HashMap<>();
        private final Map<String, List<String>> abbrFirst = new HashMap<>();
        private final Map<String, List<String>> abbrLast = new HashMap<>();
        private final Set<String> noise = new HashSet<>();
        private final Set<String> weak = new HashSet<>();
        private final List<List<String>> groups = new ArrayList<>();
        private final List<String[]> related = new ArrayList<>();
        private final List<Derivation> derivations = new ArrayList<>();
        private final Set<String> words = new HashSet<>();

        private Builder() {
        }

        /**
         * Reads entries in the vocabulary line format.
         *
         * @param reader the text; not closed
         * @param source a name for error messages
         * @return this builder
         * @throws IllegalArgumentException naming the line when a line is not in the format
         */
        public Builder parse(Reader reader, String source) {
            BufferedReader r = new BufferedReader(reader);
            try {
                String line;
                int no = 0;
                while ((line = r.readLine()) != null) {
                    no++;
                    int hash = line.indexOf('#');
                    String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
                    if (!body.isEmpty()) {
                        entry(body, source, no);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the mapping vocabulary " + source, e);
            }
            return this;
        }

        /**
         * Adds one entry in the line format, such as {@code syn phone | telephone}.
         *
         * @param line the entry
         * @return this builder
         * @throws IllegalArgumentException when the line is not in the format
         */
        public Builder line(String line) {
            entry(line.strip(), "the vocabulary line '" + line + "'", 1);
            return this;
        }

        /**
         * Adds a synonym group.
         *
         * @param terms the terms, each one or more words
         * @return this builder
         * @throws IllegalArgumentException when fewer than two usable terms are given
         */
        public Builder synonyms(List<String> terms) {
            List<String> norm = new ArrayList<>();
            for (String t : terms) {
                String n = normalize(t);
                if (!n.isEmpty() && !norm.contains(n)) {
                    norm.add(n);
                }
            }
            if (norm.size() < 2) {
                throw new IllegalArgumentException("A synonym group needs at least two terms with letters or digits, "
                        + "got " + terms + ".");
            }
            groups.add(norm);
            norm.forEach(t -> words.addAll(Arrays.asList(t.split(" "))));
            return this;
        }

        /**
         * Adds an abbreviation expanded wherever it appears as a whole word.
         *
         * @param shortForm the short form, one word
         * @param expansion the words it stands for
         * @return this builder
         * @throws IllegalArgumentException when either side has no words or the short form has several
         */
        public Builder abbreviation(String shortForm, String expansion) {
            return abbreviation(shortForm, expansion, abbrAny);
        }

        private Builder abbreviation(String shortForm, String expansion, Map<String, List<String>> into) {
            List<String> s = Tokenizer.split(shortForm);
            List<String> e = Tokenizer.split(expansion);
            if (s.size() != 1 || e.isEmpty()) {
                throw new IllegalArgumentException("An abbreviation is one word and its expansion, got '" + shortForm
                        + "' = '" + expansion + "'.");
            }
            into.put(s.get(0), List.copyOf(e));
            e.forEach(w -> words.add(Words.stem(w)));
            return this;
        }

        /**
         * Builds the vocabulary.
         *
         * @return the vocabulary
         */
        public Vocabulary build() {
            return new Vocabulary(this);
        }

        private void entry(String body, String source, int no) {
            int sp = body.indexOf(' ');
            String kind = sp < 0 ? body : body.substring(0, sp);
            String rest = sp < 0 ? "" : body.substring(sp + 1).strip();
            try {
                switch (kind) {
                    case "syn" -> synonyms(Arrays.asList(rest.split("\\|")));
                    case "related" -> relatedEntry(rest);
                    case "abbr" -> abbreviation(left(rest, "="), right(rest, "="), abbrAny);
                    case "abbr-first" -> abbreviation(left(rest, "="), right(rest, "="), abbrFirst);
                    case "abbr-last" -> abbreviation(left(rest, "="), right(rest, "="), abbrLast);
                    case "noise" -> Tokenizer.split(rest).forEach(w -> noise.add(Words.stem(w)));
                    case "weak" -> Tokenizer.split(rest).forEach(w -> weak.add(Words.stem(w)));
                    case "derive" -> derivation(rest, body);
                    default -> throw new IllegalArgumentException("unknown kind '" + kind
                            + "'; expected syn, related, abbr, abbr-first, abbr-last, noise, weak or derive");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + no + " of " + source + " is not a vocabulary entry: "
                        + e.getMessage(), e);
            }
        }

        private void relatedEntry(String rest) {
            List<String> terms = Arrays.stream(rest.split("\\|")).map(Builder::normalize)
                    .filter(t -> !t.isEmpty()).toList();
            if (terms.size() < 2) {
                throw new IllegalArgumentException("'related' needs at least two terms");
            }
            for (String t : terms) {
                groups.add(List.of(t));
            }
            for (int i = 0; i < terms.size(); i++) {
                for (int j = i + 1; j < terms.size(); j++) {
                    related.add(new String[] {terms.get(i), terms.get(j)});
                }
            }
        }

        private void derivation(String rest, String text) {
            String[] sides = rest.split("<-", -1);
            if (sides.length != 2) {
                throw new IllegalArgumentException("'derive' needs '<field terms> <- <attribute terms>'");
            }
            List<List<String>> f = terms(sides[0]);
            List<List<String>> a = terms(sides[1]);
            if (f.isEmpty() || a.isEmpty()) {
                throw new IllegalArgumentException("'derive' needs terms on both sides of '<-'");
            }
            derivations.add(new Derivation(f, a, text));
        }

        private static List<List<String>> terms(String side) {
            List<List<String>> out = new ArrayList<>();
            for (String t : side.split("\\|")) {
                String n = normalize(t);
                if (!n.isEmpty()) {
                    out.add(List.of(n.split(" ")));
                }
            }
            return out;
        }

        private static String left(String s, String sep) {
            int i = s.indexOf(sep);
            if (i < 0) {
                throw new IllegalArgumentException("expected '<short> " + sep + " <words>'");
            }
            return s.substring(0, i);
        }

        private static String right(String s, String sep) {
            return s.substring(s.indexOf(sep) + 1);
        }

        /** Tokenises and stems a term: the form phrases are compared in. */
        static String normalize(String term) {
            List<String> ws = new ArrayList<>();
            for (String w : Tokenizer.split(term)) {
                ws.add(Words.stem(w));
            }
            return String.join(" ", ws);
        }

        private List<List<String>> mergedGroups() {
            // Union groups that share a term, keeping the first group's first term as the concept's name.
            Map<String, Integer> owner = new HashMap<>();
            int[] parent = new int[groups.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < groups.size(); i++) {
                for (String t : groups.get(i)) {
                    Integer j = owner.putIfAbsent(t, i);
                    if (j != null) {
                        int a = find(parent, i);
                        int c = find(parent, j);
                        parent[Math.max(a, c)] = Math.min(a, c);
                    }
                }
            }
            Map<Integer, List<String>> merged = new LinkedHashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                List<String> into = merged.computeIfAbsent(find(parent, i), k -> new ArrayList<>());
                for (String t : groups.get(i)) {
                    if (!into.contains(t)) {
                        into.add(t);
                    }
                }
            }
            return new ArrayList<>(merged.values());
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
    }
}
