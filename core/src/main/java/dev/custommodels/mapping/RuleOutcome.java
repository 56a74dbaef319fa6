package dev.custommodels.mapping;

/**
 * What a {@link MappingRule} says about a pair: nothing, a score change, or a veto.
 *
 * @param delta how much to add to the score, in [-1, 1]; the result is kept within [0, 1]
 * @param veto whether the pair must never be a mapping
 * @param reason why, in words; empty only for {@link #none()}
 */
public record RuleOutcome(double delta, boolean veto, String reason) {
    private static final RuleOutcome NONE = new RuleOutcome(0, false, "");

    /**
     * Validates the outcome.
     *
     * @throws IllegalArgumentException if the delta is outside [-1, 1] or a change or veto has no reason
     * @param delta how much to add to the score, in [-1, 1]; the result is kept within [0, 1]
     * @param veto whether the pair must never be a mapping
     * @param reason why, in words; empty only for {@link #none()}
     */
    public RuleOutcome {
        if (!(delta >= -1.0 && delta <= 1.0)) {
            throw new IllegalArgumentException("A rule's delta must be in [-1, 1], was " + delta + ".");
        }
        reason = reason == null ? "" : reason;
        if ((veto || delta != 0) && reason.isBlank()) {
            throw new IllegalArgumentException("A rule that changes a score or vetoes a pair must say why.");
        }
    }

    /**
     * The rule has nothing to say.
     *
     * @return the empty outcome
     */
    public static RuleOutcome none() {
        return NONE;
    }

    /**
     * The rule raises (positive) or lowers (negative) the score.
     *
     * @param delta the change, in [-1, 1]
     * @param reason why
     * @return the outcome
     */
    public static RuleOutcome adjust(double delta, String reason) {
        return new RuleOutcome(delta, false, reason);
    }

    /**
     * The pair must never be a mapping; it is reported as a near miss with this reason.
     *
     * @param reason why
     * @return the outcome
     */
    public static RuleOutcome veto(String reason) {
        return new RuleOutcome(0, true, reason);
    }

    /**
     * Tells whether the rule said anything.
     *
     * @return whether this is a change or a veto
     */
    public boolean fired() {
        return veto || delta != 0;
    }
}
