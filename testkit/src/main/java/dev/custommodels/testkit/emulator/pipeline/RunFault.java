package dev.custommodels.testkit.emulator.pipeline;

/** A fault the pipeline emulator applies to the next submitted run. */
public enum RunFault {
    /** The run fails while running, with an error code and message in run history. */
    FAIL,
    /** The run stays {@code Queued} until it is cancelled. */
    STUCK_QUEUED,
    /** The run completes but writes no output. */
    NO_OUTPUT,
    /** The run completes and writes an output file with a header row and no data rows. */
    EMPTY_OUTPUT,
    /**
     * The submission creates the run (which then proceeds normally) but answers 504, as when the answer is lost
     * on the way back; a client that simply retries creates a second run.
     */
    LOSE_SUBMIT_RESPONSE
}
