package dev.custommodels.models;

/** What started a refresh. */
public enum RefreshTrigger {
    /** The host called {@code refresh()}. */
    MANUAL,
    /** A {@link RefreshSchedule} came due. */
    SCHEDULE
}
