package dev.custommodels.mapping;

import java.util.List;
import java.util.Objects;

/**
 * An attribute the engine considered for a field but did not choose, and why.
 *
 * @param target the attribute
 * @param score its score in [0, 1] (0 when vetoed before scoring mattered)
 * @param reason why it lost or was rejected, in words
 * @param evidence what each rule said about it; given for a runner-up, empty for other near misses (whose reason
 *     says why they were rejected)
 */
public record Alternative(AttributeRef target, double score, String reason, List<Evidence> evidence) {

    /**
     * Checks the parts and copies the evidence.
     *
     * @param target the attribute
     * @param score its score in [0, 1] (0 when vetoed before scoring mattered)
     * @param reason why it lost or was rejected, in words
     * @param evidence what each rule said about it; given for a runner-up, empty for other near misses (whose reason
     *     says why they were rejected)
     */
    public Alternative {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%.2f): %s", target, score, reason);
    }
}
