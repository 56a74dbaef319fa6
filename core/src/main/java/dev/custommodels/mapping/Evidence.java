package dev.custommodels.mapping;

import java.util.Objects;

/**
 * What one rule said about a (field, attribute) pair.
 *
 * @param rule the rule's name, such as {@code name}, {@code type} or a host rule's name
 * @param contribution how much the rule moved the score (positive or negative; 0 when it only explains or vetoes)
 * @param detail what the rule saw, in words
 */
public record Evidence(String rule, double contribution, String detail) {

    /**
     * Checks that rule and detail are present.
     *
     * @param rule the rule's name, such as {@code name}, {@code type} or a host rule's name
     * @param contribution how much the rule moved the score (positive or negative; 0 when it only explains or vetoes)
     * @param detail what the rule saw, in words
     */
    public Evidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %+.2f: %s", rule, contribution, detail);
    }
}
