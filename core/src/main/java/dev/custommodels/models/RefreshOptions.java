package dev.custommodels.models;

import java.util.Objects;

/**
 * How a refresh runs its workflows. Immutable; the {@code with...} methods return changed copies.
 *
 * <p>Defaults: one workflow at a time, and a failed workflow does not stop the others (only the workflows that
 * read its output entity, directly or further down, are skipped).
 */
public final class RefreshOptions {
    /** The largest allowed {@link #getMaxParallelism()}. */
    public static final int MAX_PARALLELISM_LIMIT = 64;

    private final boolean continueAfterFailure;
    private final int maxParallelism;

    /** Creates the default options. */
    public RefreshOptions() {
        this(true, 1);
    }

    private RefreshOptions(boolean continueAfterFailure, int maxParallelism) {
        this.continueAfterFailure = continueAfterFailure;
        this.maxParallelism = maxParallelism;
    }

    /**
     * Returns whether workflows that do not depend on a failed one still run.
     *
     * @return {@code true} (the default) to go on with independent workflows; {@code false} to skip every workflow
     *     not yet started once one fails
     */
    public boolean isContinueAfterFailure() {
        return continueAfterFailure;
    }

    /**
     * Returns how many workflows may run at the same time.
     *
     * @return at least 1; 1 by default
     */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    /**
     * Returns a copy that does or does not go on with independent workflows after a failure.
     *
     * @param value {@code true} to go on, {@code false} to skip all workflows not yet started after a failure
     * @return the copy
     */
    public RefreshOptions withContinueAfterFailure(boolean value) {
        return new RefreshOptions(value, maxParallelism);
    }

    /**
     * Returns a copy that runs up to {@code value} workflows at the same time. A workflow still starts only after
     * every workflow that writes one of its input entities has succeeded.
     *
     * @param value from 1 to {@link #MAX_PARALLELISM_LIMIT}
     * @return the copy
     * @throws IllegalArgumentException if the value is out of range
     */
    public RefreshOptions withMaxParallelism(int value) {
        if (value < 1 || value > MAX_PARALLELISM_LIMIT) {
            throw new IllegalArgumentException("maxParallelism must be from 1 to " + MAX_PARALLELISM_LIMIT
                    + "; got " + value + ".");
        }
        return new RefreshOptions(continueAfterFailure, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefreshOptions other && continueAfterFailure == other.continueAfterFailure
                && maxParallelism == other.maxParallelism;
    }

    @Override
    public int hashCode() {
        return Objects.hash(continueAfterFailure, maxParallelism);
    }

    @Override
    public String toString() {
        return "RefreshOptions{continueAfterFailure=" + continueAfterFailure + ", maxParallelism=" + maxParallelism
                + "}";
    }
}
