package dev.custommodels.models;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of one run. Every option has a default; {@code new RunOptions()} runs the workflow as saved.
 *
 * <p>The numeric options and the drift policy are stored with the run, so a resumed run keeps them; the transfer
 * policy is code, so a resumed run that has not passed it yet uses the client's.
 */
public final class RunOptions {
    /** The share of rejected rows above which a run fails, unless set otherwise: 1%. */
    public static final double DEFAULT_MAX_REJECTED_SHARE = 0.01;
    /** The match rate below which a run fails, unless set otherwise: 90%. */
    public static final double DEFAULT_MIN_MATCH_RATE = 0.9;
    /** How long a run's lease lasts without renewal, unless set otherwise: ten minutes. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(10);
    /** How many rows one staged CSV file holds at most, unless set otherwise. */
    public static final int DEFAULT_EXPORT_CHUNK_ROWS = 500_000;

    private RunTrigger trigger = RunTrigger.MANUAL;
    private DriftPolicy driftPolicy;
    private Long maxRejectedRows;
    private double maxRejectedShare = DEFAULT_MAX_REJECTED_SHARE;
    private double minMatchRate = DEFAULT_MIN_MATCH_RATE;
    private DataTransferPolicy transferPolicy;
    private Duration leaseDuration = DEFAULT_LEASE_DURATION;
    private int exportChunkRows = DEFAULT_EXPORT_CHUNK_ROWS;

    /** Creates the default options. */
    public RunOptions() {
    }

    /**
     * Returns what starts the run.
     *
     * @return the trigger, {@link RunTrigger#MANUAL} by default
     */
    public RunTrigger getTrigger() {
        return trigger;
    }

    /**
     * Sets what starts the run; refreshes and schedules set theirs.
     *
     * @param trigger the trigger
     * @return these options
     */
    public RunOptions setTrigger(RunTrigger trigger) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        return this;
    }

    /**
     * Returns the drift policy override.
     *
     * @return the policy, or {@code null} for the workflow's own
     */
    public DriftPolicy getDriftPolicy() {
        return driftPolicy;
    }

    /**
     * Overrides the workflow's drift policy for this run.
     *
     * @param driftPolicy the policy, or {@code null} for the workflow's own
     * @return these options
     */
    public RunOptions setDriftPolicy(DriftPolicy driftPolicy) {
        this.driftPolicy = driftPolicy;
        return this;
    }

    /**
     * Returns the most rejected rows the run tolerates.
     *
     * @return the count, or {@code null} for no limit by count
     */
    public Long getMaxRejectedRows() {
        return maxRejectedRows;
    }

    /**
     * Sets the most entity rows that may fail conversion (each goes to the error ledger) before the run fails.
     * The export stops as soon as the count is exceeded.
     *
     * @param maxRejectedRows the count, zero or more, or {@code null} for no limit by count
     * @return these options
     * @throws IllegalArgumentException if the count is negative
     */
    public RunOptions setMaxRejectedRows(Long maxRejectedRows) {
        if (maxRejectedRows != null && maxRejectedRows < 0) {
            throw new IllegalArgumentException("maxRejectedRows must not be negative, was " + maxRejectedRows + ".");
        }
        this.maxRejectedRows = maxRejectedRows;
        return this;
    }

    /**
     * Returns the largest share of rejected rows the run tolerates.
     *
     * @return the share in [0, 1]
     */
    public double getMaxRejectedShare() {
        return maxRejectedShare;
    }

    /**
     * Sets the largest share of entity rows (rejected / read) that may fail conversion; checked when the export
     * ends. Zero fails the run on the first rejected row; one never fails it by share.
     *
     * @param maxRejectedShare the share in [0, 1]
     * @return these options
     * @throws IllegalArgumentException if the share is outside [0, 1]
     */
    public RunOptions setMaxRejectedShare(double maxRejectedShare) {
        if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
            throw new IllegalArgumentException("maxRejectedShare must be in [0, 1], was " + maxRejectedShare + ".");
        }
        this.maxRejectedShare = maxRejectedShare;
        return this;
    }

    /**
     * Returns the lowest match rate the run accepts.
     *
     * @return the rate in [0, 1]
     */
    public double getMinMatchRate() {
        return minMatchRate;
    }

    /**
     * Sets the lowest share of distinct result IDs that must match a key of the bound entity; below it the run
     * fails before committing, with the figures.
     *
     * @param minMatchRate the rate in [0, 1]; zero never fails
     * @return these options
     * @throws IllegalArgumentException if the rate is outside [0, 1]
     */
    public RunOptions setMinMatchRate(double minMatchRate) {
        if (!(minMatchRate >= 0 && minMatchRate <= 1)) {
            throw new IllegalArgumentException("minMatchRate must be in [0, 1], was " + minMatchRate + ".");
        }
        this.minMatchRate = minMatchRate;
        return this;
    }

    /**
     * Returns the transfer policy override.
     *
     * @return the policy, or {@code null} for the client's
     */
    public DataTransferPolicy getTransferPolicy() {
        return transferPolicy;
    }

    /**
     * Sets the data transfer policy of this run, instead of the client's.
     *
     * @param transferPolicy the policy, or {@code null} for the client's
     * @return these options
     */
    public RunOptions setTransferPolicy(DataTransferPolicy transferPolicy) {
        this.transferPolicy = transferPolicy;
        return this;
    }

    /**
     * Returns the lease duration.
     *
     * @return the duration
     */
    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * Sets how long the run's lease on its workflow lasts without renewal. The run renews it while it works (when
     * a third has passed); when the process dies, another may resume the run once the lease has expired.
     *
     * @param leaseDuration the duration, positive
     * @return these options
     * @throws IllegalArgumentException if the duration is not positive
     */
    public RunOptions setLeaseDuration(Duration leaseDuration) {
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("The lease duration must be positive, was " + leaseDuration + ".");
        }
        this.leaseDuration = leaseDuration;
        return this;
    }

    /**
     * Returns how many rows one staged CSV file holds at most.
     *
     * @return the row count
     */
    public int getExportChunkRows() {
        return exportChunkRows;
    }

    /**
     * Sets how many rows one staged CSV file ({@code inputs/<input>/part-NNNNN.csv}) holds at most.
     *
     * @param exportChunkRows the row count, at least 1
     * @return these options
     * @throws IllegalArgumentException if the count is less than 1
     */
    public RunOptions setExportChunkRows(int exportChunkRows) {
        if (exportChunkRows < 1) {
            throw new IllegalArgumentException("exportChunkRows must be at least 1, was " + exportChunkRows + ".");
        }
        this.exportChunkRows = exportChunkRows;
        return this;
    }
}
