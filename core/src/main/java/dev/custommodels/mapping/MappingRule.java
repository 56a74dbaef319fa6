package dev.custommodels.mapping;

/**
 * A host's own scoring rule, added with {@link MappingEngineBuilder#addRule(MappingRule)}. Host rules run after the
 * built-in rules on every candidate (field, attribute) pair, in the order they were added; each may raise or lower
 * the pair's score or veto the pair. What a rule returns is recorded as evidence under its {@link #name()}.
 *
 * <p>Rules refine candidates, they do not create them: a pair is a candidate when the names share a word, a
 * synonym or a near spelling, and only the pairs that can still compete for a field (judged by an upper bound of
 * the built-in rules' score) reach the rules. To make two unrelated names meet, add synonyms; to force one binding, pin it.
 * Implementations must be thread-safe and fast (they run on many pairs).
 */
public interface MappingRule {

    /**
     * Returns the rule's name, shown in evidence.
     *
     * @return a short name, such as {@code crm-prefixes}
     */
    String name();

    /**
     * Judges one candidate pair.
     *
     * @param pair the field, the attribute and the score so far
     * @return the outcome; {@link RuleOutcome#none()} when the rule has nothing to say
     */
    RuleOutcome evaluate(CandidatePair pair);
}
