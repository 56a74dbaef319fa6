package dev.custommodels.models;

/** How one workflow fared in a refresh. */
public enum WorkflowRefreshStatus {
    /** Its run finished and committed a new version of its output entity. */
    SUCCEEDED,
    /** Its run failed, or it could not run at all (for example because it is part of a dependency cycle). */
    FAILED,
    /** It was not run, because a workflow it depends on did not succeed or the refresh stopped early. */
    SKIPPED
}
