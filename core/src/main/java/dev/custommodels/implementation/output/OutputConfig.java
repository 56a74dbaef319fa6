package dev.custommodels.implementation.output;

import dev.custommodels.spi.LakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Settings shared by the writers and readers of one client.
 *
 * @param store the lake
 * @param clock the clock that stamps commits
 * @param retainedVersions how many versions an entity keeps, one or more
 * @param sortBufferBytes how much memory a writer buffers before spilling sorted runs to disk
 * @param spillDirectory where spill files go, or {@code null} for the system temporary directory
 * @param targetRowsPerPartition how many rows a partition holds at most, before the partition cap
 * @param maxPartitions the most partitions of a version
 * @param indexInterval rows per index entry
 * @param indexCacheEntries how many index entries readers keep in memory over all cached indexes
 */
public record OutputConfig(LakeStore store, Clock clock, int retainedVersions, long sortBufferBytes,
        Path spillDirectory, long targetRowsPerPartition, int maxPartitions, int indexInterval,
        long indexCacheEntries) {

    /** Checks the settings. */
    public OutputConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        if (retainedVersions < 1 || sortBufferBytes < 1 || targetRowsPerPartition < 1 || maxPartitions < 1
                || indexInterval < 1 || indexCacheEntries < 0) {
            throw new IllegalArgumentException("Output entity settings out of range.");
        }
    }

    /**
     * Chooses the partition count of a version once its row count is known: one partition per
     * {@link #targetRowsPerPartition()} rows, at least one and at most {@link #maxPartitions()}.
     *
     * @param rows the version's row count
     * @return the partition count
     */
    public int partitionCount(long rows) {
        long n = (rows + targetRowsPerPartition - 1) / targetRowsPerPartition;
        return (int) Math.max(1, Math.min(maxPartitions, n));
    }
}
