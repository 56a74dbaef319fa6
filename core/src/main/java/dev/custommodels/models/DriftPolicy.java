package dev.custommodels.models;

/** What a run does when the model contract or a bound entity changed since the workflow was saved. */
public enum DriftPolicy {
    /** Stop the run before any data leaves, listing each difference. The default. */
    BLOCK,
    /** Log each difference at warning level and go on. */
    WARN
}
