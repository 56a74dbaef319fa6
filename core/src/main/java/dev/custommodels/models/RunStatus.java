package dev.custommodels.models;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;

/** The status of a run. An expandable set: later versions may add statuses. */
public final class RunStatus extends ExpandableStringEnum<RunStatus> {
    /** Created; no phase has started yet. */
    public static final RunStatus NOT_STARTED = fromString("NotStarted");
    /** A phase is in progress, or the run waits to be resumed. */
    public static final RunStatus RUNNING = fromString("Running");
    /** The results were committed. */
    public static final RunStatus SUCCEEDED = fromString("Succeeded");
    /** The run stopped with an error; see the run's errors. */
    public static final RunStatus FAILED = fromString("Failed");
    /** The run was cancelled. */
    public static final RunStatus CANCELED = fromString("Canceled");

    /**
     * Creates an empty value; use {@link #fromString(String)} instead.
     *
     * @deprecated use {@link #fromString(String)} or the constants
     */
    @Deprecated
    public RunStatus() {
    }

    /**
     * Returns the status of a name, creating it if it is not one of the constants.
     *
     * @param name the name, such as {@code Succeeded}
     * @return the status
     */
    public static RunStatus fromString(String name) {
        return fromString(name, RunStatus.class);
    }

    /**
     * Returns the known statuses.
     *
     * @return the statuses
     */
    public static Collection<RunStatus> values() {
        return values(RunStatus.class);
    }

    /**
     * Tells whether a run in this status will not change any more.
     *
     * @return {@code true} for succeeded, failed and cancelled
     */
    public boolean isTerminal() {
        return SUCCEEDED.equals(this) || FAILED.equals(this) || CANCELED.equals(this);
    }
}
