package dev.custommodels.implementation.mapping;

import dev.custommodels.mapping.MappingRule;
import java.util.List;

/**
 * The engine's configuration.
 *
 * @param vocabulary the words
 * @param hostRules the host's rules, in order
 * @param reviewThreshold the score from which a field gets a target (NEEDS_REVIEW)
 * @param mappedThreshold the score from which a clear target is MAPPED
 * @param maxCandidates the options per field kept for the assignment
 */
public record Settings(Vocabulary vocabulary, List<MappingRule> hostRules, double reviewThreshold,
        double mappedThreshold, int maxCandidates) {

    /** Copies the rules. */
    public Settings {
        hostRules = List.copyOf(hostRules);
    }

    /** Score margin under which a different attribute counts as a tie. */
    static final double AMBIGUITY_MARGIN = 0.03;
    /** Largest bonus an entity gets for explaining the other fields. */
    static final double ENTITY_BONUS = 0.04;
    /** Near misses reported per field, besides the runner-up. */
    static final int NEAR_MISSES = 5;
    /** Derivations reported per field, strongest first. */
    static final int DERIVATIONS_SHOWN = 3;
}
