package dev.custommodels.models;

/** What started a run. */
public enum RunTrigger {
    /** The host asked for it, through {@code beginRun}. */
    MANUAL,
    /** A refresh of all workflows. */
    REFRESH,
    /** A schedule. */
    SCHEDULE
}
