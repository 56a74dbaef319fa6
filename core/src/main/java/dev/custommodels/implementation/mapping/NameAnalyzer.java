package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.AnalyzedName.Digit;
import dev.custommodels.implementation.mapping.AnalyzedName.KeyLike;
import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a name into an {@link AnalyzedName}: splits it into words, splits glued lower-case words that are made of
 * known words ({@code interestrate}), expands abbreviations, stems plurals, replaces synonym phrases by their
 * concept (longest phrase first), drops noise words and marks weak ones.
 */
final class NameAnalyzer {
    private static final int MIN_GLUED = 6;
    private final Vocabulary vocabulary;
    private final Set<String> lexicon;
    private final String idConcept;
    private final String skuConcept;

    NameAnalyzer(Vocabulary vocabulary, Set<String> lexicon) {
        this.vocabulary = vocabulary;
        this.lexicon = lexicon;
        this.idConcept = vocabulary.conceptOf("id");
        this.skuConcept = vocabulary.conceptOf("stock keeping unit");
    }

    AnalyzedName analyze(String name) {
        return analyze(name, Tokenizer.split(name));
    }

    AnalyzedName analyze(String name, List<String> split) {
        List<String> words = expand(unglue(split));
        List<Term> terms = new ArrayList<>();
        List<Digit> digits = new ArrayList<>();
        List<String> segment = new ArrayList<>();
        String lastKey = "";
        for (String w : words) {
            if (Tokenizer.isDigits(w)) {
                lastKey = phrases(segment, terms, lastKey);
                digits.add(new Digit(lastKey, w));
            } else {
                segment.add(Words.stem(w));
            }
        }
        phrases(segment, terms, lastKey);
        return new AnalyzedName(name, Tokenizer.compact(name), List.copyOf(terms), List.copyOf(digits),
                keyLike(terms), terms.size() == 1 && terms.get(0).key().equals(idConcept));
    }

    private KeyLike keyLike(List<Term> terms) {
        if (terms.isEmpty()) {
            return KeyLike.NONE;
        }
        Term last = terms.get(terms.size() - 1);
        if (last.key().equals(idConcept)) {
            return KeyLike.STRONG;
        }
        if (last.surface().equals("number") || last.surface().equals("code") || last.key().equals(skuConcept)) {
            return KeyLike.WEAK;
        }
        return KeyLike.NONE;
    }

    /** Replaces phrases of one run of words (between numbers) by terms; returns the key of the last term. */
    private String phrases(List<String> seg, List<Term> out, String lastKey) {
        int i = 0;
        while (i < seg.size()) {
            int took = 0;
            String concept = null;
            String surface = null;
            int max = vocabulary.phraseLength(seg.get(i));
            for (int len = Math.min(max, seg.size() - i); len >= 1 && concept == null; len--) {
                String phrase = String.join(" ", seg.subList(i, i + len));
                concept = vocabulary.conceptOf(phrase);
                if (concept != null) {
                    took = len;
                    surface = phrase;
                }
            }
            if (concept != null) {
                out.add(new Term(concept, surface, true, false));
                lastKey = concept;
                i += took;
            } else {
                String w = seg.get(i);
                if (!vocabulary.isNoise(w)) {
                    // A lone letter ("k" in "Income (k$)") is a unit or an initial: it counts little.
                    out.add(new Term(w, w, false, vocabulary.isWeak(w) || w.length() == 1));
                    lastKey = w;
                }
                i++;
            }
        }
        seg.clear();
        return lastKey;
    }

    private List<String> expand(List<String> words) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < words.size(); i++) {
            if (!Tokenizer.isDigits(words.get(i))) {
                last = i;
                if (first < 0) {
                    first = i;
                }
            }
        }
        List<String> out = new ArrayList<>(words.size() + 4);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (Tokenizer.isDigits(w)) {
                out.add(w);
                continue;
            }
            // A lone letter before a word may be half of a short form split by its capitals: "FName", "EMail".
            if (w.length() == 1 && i + 1 < words.size() && !Tokenizer.isDigits(words.get(i + 1))) {
                List<String> joined = vocabulary.abbreviation(w + words.get(i + 1), i == first && i + 1 != last,
                        i + 1 == last && first != i);
                if (joined != null) {
                    out.addAll(joined);
                    i++;
                    continue;
                }
            }
            List<String> exp = vocabulary.abbreviation(w, i == first && first != last, i == last && first != last);
            if (exp == null) {
                out.add(w);
            } else {
                out.addAll(exp);
            }
        }
        return out;
    }

    private List<String> unglue(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            if (w.length() >= MIN_GLUED && !Tokenizer.isDigits(w) && !known(w)) {
                List<String> parts = segment(w);
                if (parts != null) {
                    out.addAll(parts);
                    continue;
                }
            }
            out.add(w);
        }
        return out;
    }

    private boolean known(String w) {
        return lexicon.contains(w) || lexicon.contains(Words.stem(w));
    }

    /** Splits a glued word into the fewest known words, or returns null. */
    private List<String> segment(String w) {
        int n = w.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - 20); start < end; start++) {
                if (best[start] == Integer.MAX_VALUE) {
                    continue;
                }
                String piece = w.substring(start, end);
                boolean ok = piece.length() >= 3 ? known(piece) : piece.length() == 2 && vocabulary.isNoise(piece);
                if (ok && best[start] + 1 < best[end]) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            parts.add(0, w.substring(from[end], end));
        }
        return parts;
    }
}
