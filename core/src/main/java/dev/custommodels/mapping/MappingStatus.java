package dev.custommodels.mapping;

/** How sure the engine is of a field's mapping. */
public enum MappingStatus {
    /** An attribute fits clearly; its confidence reached the mapped threshold and no other attribute came close. */
    MAPPED,
    /** An attribute fits, but not clearly enough to bind without a person's look: low confidence or a close tie. */
    NEEDS_REVIEW,
    /** No attribute fits; the field must be bound by hand (a pin) or the workflow cannot be saved. */
    UNMAPPED
}
