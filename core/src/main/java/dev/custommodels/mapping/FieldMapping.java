package dev.custommodels.mapping;

import dev.custommodels.models.DataType;
import java.util.List;
import java.util.Objects;

/**
 * The engine's answer for one model field.
 *
 * @param field the field's name
 * @param fieldType the field's type
 * @param status MAPPED, NEEDS_REVIEW or UNMAPPED
 * @param target the chosen attribute, or {@code null} when UNMAPPED
 * @param targetType the chosen attribute's type, or {@code null} when UNMAPPED
 * @param confidence the confidence in [0, 1]: the chosen pair's score, 1 for a pin, 0 when UNMAPPED
 * @param pinned whether the host chose the attribute by hand
 * @param evidence each rule that fired on the chosen pair and what it contributed (empty when UNMAPPED)
 * @param runnerUp the best attribute not chosen and why it lost, or {@code null} when there was none or the
 *     field is UNMAPPED (then every candidate is a near miss)
 * @param nearMisses further attributes that came close, each with why it was rejected, best first
 * @param warnings what to know about the chosen pair, such as a date-time truncated to a date
 */
public record FieldMapping(String field, DataType fieldType, MappingStatus status, AttributeRef target,
        DataType targetType, double confidence, boolean pinned, List<Evidence> evidence, Alternative runnerUp,
        List<Alternative> nearMisses, List<String> warnings) {

    /**
     * Validates the mapping.
     *
     * @throws IllegalArgumentException if the confidence is outside [0, 1], or the target is missing for a mapped
     *     field or present for an unmapped one
     * @param field the field's name
     * @param fieldType the field's type
     * @param status MAPPED, NEEDS_REVIEW or UNMAPPED
     * @param target the chosen attribute, or {@code null} when UNMAPPED
     * @param targetType the chosen attribute's type, or {@code null} when UNMAPPED
     * @param confidence the confidence in [0, 1]: the chosen pair's score, 1 for a pin, 0 when UNMAPPED
     * @param pinned whether the host chose the attribute by hand
     * @param evidence each rule that fired on the chosen pair and what it contributed (empty when UNMAPPED)
     * @param runnerUp the best attribute not chosen and why it lost, or {@code null} when there was none or the
     *     field is UNMAPPED (then every candidate is a near miss)
     * @param nearMisses further attributes that came close, each with why it was rejected, best first
     * @param warnings what to know about the chosen pair, such as a date-time truncated to a date
     */
    public FieldMapping {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(fieldType, "fieldType");
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        nearMisses = List.copyOf(Objects.requireNonNull(nearMisses, "nearMisses"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("The confidence of field '" + field + "' must be in [0, 1], was "
                    + confidence + ".");
        }
        if ((status == MappingStatus.UNMAPPED) != (target == null)) {
            throw new IllegalArgumentException("Field '" + field + "' is " + status + " but its target is "
                    + target + "; only an UNMAPPED field has no target.");
        }
        if (target != null && (target.entity() == null || targetType == null)) {
            throw new IllegalArgumentException("The target of field '" + field + "' needs its entity and type.");
        }
    }

    /**
     * Tells whether the field has a target (MAPPED or NEEDS_REVIEW).
     *
     * @return whether a target was chosen
     */
    public boolean hasTarget() {
        return target != null;
    }
}
