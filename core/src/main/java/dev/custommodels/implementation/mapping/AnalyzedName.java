package dev.custommodels.implementation.mapping;

import java.util.List;

/**
 * A name as the engine compares it: its terms (words or synonym concepts, noise removed), its numbers with the
 * term each follows, its compact form and how much it looks like an identifier.
 *
 * @param original the name as given
 * @param compact letters and digits only, folded, lower case
 * @param terms the terms in order
 * @param digits the numbers in order
 * @param keyLike how much the name looks like a key
 * @param bareKey whether the name is nothing but an identifier word ({@code ID}, {@code key})
 */
public record AnalyzedName(String original, String compact, List<Term> terms, List<Digit> digits, KeyLike keyLike,
        boolean bareKey) {

    /**
     * One term of a name.
     *
     * @param key what terms are compared by: the concept ({@code ~phone}) or the stem
     * @param surface the stemmed words the term was made from
     * @param concept whether the term is a synonym concept
     * @param weak whether the term counts little
     */
    public record Term(String key, String surface, boolean concept, boolean weak) {
    }

    /**
     * One number in a name.
     *
     * @param anchor the key of the term the number follows, or empty
     * @param value the number without leading zeros
     */
    public record Digit(String anchor, String value) {
    }

    /** How much a name looks like an identifier. */
    public enum KeyLike {
        /** Not at all. */
        NONE,
        /** Ends in {@code number} or {@code code}: often, not always, an identifier. */
        WEAK,
        /** Ends in {@code id}, {@code key} or a synonym. */
        STRONG
    }

    /** The words of the name, for host rules and explanations. */
    List<String> words() {
        return terms.stream().map(Term::surface).toList();
    }
}
