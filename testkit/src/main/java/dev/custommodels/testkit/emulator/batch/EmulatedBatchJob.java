package dev.custommodels.testkit.emulator.batch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch scoring job the emulator created on an invoke. It moves one step along the documented state machine on
 * each status read (ARM job GET or data-plane job GET), so tests poll without a wall clock:
 * {@code NotStarted → Queued → Preparing → Running → Finalizing → Completed}; scoring happens when the job leaves
 * {@code Running}, and may end it {@code Failed}. A cancel moves a running job to {@code CancelRequested}, and the
 * next read to {@code Canceled}.
 */
public final class EmulatedBatchJob {
    /** The statuses after which a job does not change. */
    public static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Canceled");
    private static final List<String> STEPS = List.of("NotStarted", "Queued", "Preparing", "Running", "Finalizing",
            "Completed");

    /**
     * A data input or output of the job.
     *
     * @param type the job input or output type as sent, such as {@code UriFolder} or {@code Literal}
     * @param uri the data URI, or {@code null} for a literal or a default output
     * @param value the literal value, or {@code null}
     */
    public record Port(String type, String uri, String value) {
    }

    private final String name;
    private final String displayName;
    private final EmulatedBatchEndpoint endpoint;
    private final EmulatedBatchDeployment deployment;
    private final Instant createdAt;
    private final Map<String, Port> inputs;
    private final Map<String, Port> outputs;
    private final Map<String, String> tags;
    private final Map<String, String> properties;
    private String status = "NotStarted";
    private String errorCode;
    private String errorMessage;
    private String stuckStatus;
    private String failWith;
    private int hiddenArmReads;
    private long rowsFailed;
    private long rowsScored;

    EmulatedBatchJob(String name, String displayName, EmulatedBatchEndpoint endpoint,
            EmulatedBatchDeployment deployment, Instant createdAt, Map<String, Port> inputs, Map<String, Port> outputs,
            Map<String, String> tags, Map<String, String> properties) {
        this.name = name;
        this.displayName = displayName;
        this.endpoint = endpoint;
        this.deployment = deployment;
        this.createdAt = createdAt;
        this.inputs = new LinkedHashMap<>(inputs);
        this.outputs = new LinkedHashMap<>(outputs);
        this.tags = new LinkedHashMap<>(tags);
        this.properties = new LinkedHashMap<>(properties);
    }

    /**
     * Returns the job name (its id and run id).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the display name.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns the endpoint the job was invoked on.
     *
     * @return the endpoint
     */
    public EmulatedBatchEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Returns the deployment the job was routed to.
     *
     * @return the deployment
     */
    public EmulatedBatchDeployment deployment() {
        return deployment;
    }

    /**
     * Returns when the job was created.
     *
     * @return the instant
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns the inputs as sent.
     *
     * @return input name to port
     */
    public Map<String, Port> inputs() {
        return Map.copyOf(inputs);
    }

    /**
     * Returns the outputs as sent, with default locations filled in.
     *
     * @return output name to port
     */
    public synchronized Map<String, Port> outputs() {
        return Map.copyOf(outputs);
    }

    /**
     * Returns the job's tags.
     *
     * @return the tags
     */
    public Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    /**
     * Returns the job's properties.
     *
     * @return the properties
     */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /**
     * Returns the current status, without advancing it.
     *
     * @return the status
     */
    public synchronized String status() {
        return status;
    }

    /**
     * Returns the error message of a failed job, as run history reports it.
     *
     * @return the message, or {@code null}
     */
    public synchronized String errorMessage() {
        return errorMessage;
    }

    /**
     * Returns the error code of a failed job.
     *
     * @return the code, or {@code null}
     */
    public synchronized String errorCode() {
        return errorCode;
    }

    /**
     * Returns how many input rows failed to score.
     *
     * @return the count
     */
    public synchronized long rowsFailed() {
        return rowsFailed;
    }

    /**
     * Returns how many input rows were scored.
     *
     * @return the count
     */
    public synchronized long rowsScored() {
        return rowsScored;
    }

    synchronized void failWith(String message) {
        this.failWith = message;
    }

    synchronized void stickAt(String stuck) {
        this.stuckStatus = stuck;
    }

    synchronized void hideFromArm(int reads) {
        this.hiddenArmReads = reads;
    }

    /** Tells whether an ARM read should still answer 404, counting the read. */
    synchronized boolean hiddenFromArmRead() {
        if (hiddenArmReads > 0) {
            hiddenArmReads--;
            return true;
        }
        return false;
    }

    synchronized void setOutput(String outputName, Port port) {
        outputs.put(outputName, port);
    }

    /**
     * Moves the job one step and returns the new status.
     *
     * @param runner executes the scoring when the job leaves {@code Running}
     * @return the status after the step
     */
    synchronized String advance(BatchJobRunner runner) {
        if (TERMINAL.contains(status)) {
            return status;
        }
        if (status.equals("CancelRequested")) {
            status = "Canceled";
            return status;
        }
        if (status.equals("Running") || status.equals(stuckStatus)) {
            if (stuckStatus != null) {
                status = stuckStatus;
                return status;
            }
            if (failWith != null) {
                fail("UserError", failWith);
                return status;
            }
            BatchJobRunner.Outcome outcome = runner.run(this);
            rowsScored = outcome.rowsScored();
            rowsFailed = outcome.rowsFailed();
            if (outcome.errorMessage() != null) {
                fail(outcome.errorCode(), outcome.errorMessage());
                return status;
            }
        }
        status = STEPS.get(STEPS.indexOf(status) + 1);
        return status;
    }

    /**
     * Requests cancellation.
     *
     * @return {@code true} if the job was still running
     */
    synchronized boolean cancel() {
        if (TERMINAL.contains(status)) {
            return false;
        }
        status = "CancelRequested";
        stuckStatus = null;
        return true;
    }

    private void fail(String code, String message) {
        status = "Failed";
        errorCode = code;
        errorMessage = message;
    }
}
