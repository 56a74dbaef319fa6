package dev.custommodels.implementation.mapping;

/** One link of the scoring chain: reads and updates a {@link Pair}. */
interface ChainRule {
    /**
     * Returns the name shown in evidence.
     *
     * @return the name
     */
    String name();

    /**
     * Applies the rule.
     *
     * @param p the pair
     */
    void apply(Pair p);
}
