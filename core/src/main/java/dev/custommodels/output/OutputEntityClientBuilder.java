package dev.custommodels.output;

import dev.custommodels.implementation.output.OutputConfig;
import dev.custommodels.spi.LakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds an {@link OutputEntityClient}. Only the lake store is required.
 *
 * <pre>
 * OutputEntityClient outputs = new OutputEntityClientBuilder()
 *     .lakeStore(new LocalLakeStore(Path.of("lake")))
 *     .retainedVersions(3)
 *     .buildClient();
 * </pre>
 */
public final class OutputEntityClientBuilder {
    /** Versions kept by default: the current one and two before it. */
    public static final int DEFAULT_RETAINED_VERSIONS = 3;
    /** Rows per partition by default, before the cap of 1,024 partitions. */
    public static final long DEFAULT_TARGET_ROWS_PER_PARTITION = 250_000;
    /** Writer memory by default. */
    public static final long DEFAULT_WRITER_MEMORY_BYTES = 64L << 20;

    private static final int MAX_PARTITIONS = 1024;
    private static final int INDEX_INTERVAL = 32;
    private static final long INDEX_CACHE_ENTRIES = 4_000_000;

    private LakeStore lakeStore;
    private Clock clock = Clock.systemUTC();
    private int retainedVersions = DEFAULT_RETAINED_VERSIONS;
    private long writerMemoryBytes = DEFAULT_WRITER_MEMORY_BYTES;
    private Path spillDirectory;
    private long targetRowsPerPartition = DEFAULT_TARGET_ROWS_PER_PARTITION;

    /** Creates a builder. */
    public OutputEntityClientBuilder() {
    }

    /**
     * Sets the lake that holds the output entities. Required.
     *
     * @param lakeStore the store
     * @return this builder
     */
    public OutputEntityClientBuilder lakeStore(LakeStore lakeStore) {
        this.lakeStore = Objects.requireNonNull(lakeStore, "lakeStore");
        return this;
    }

    /**
     * Sets the clock that stamps commits.
     *
     * @param clock the clock; the system UTC clock by default
     * @return this builder
     */
    public OutputEntityClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets how many versions each entity keeps: the current one and the ones before it that "as of run" queries
     * can still read. Older versions are deleted after each commit.
     *
     * @param retainedVersions one or more; {@value #DEFAULT_RETAINED_VERSIONS} by default
     * @return this builder
     * @throws IllegalArgumentException if less than one
     */
    public OutputEntityClientBuilder retainedVersions(int retainedVersions) {
        if (retainedVersions < 1) {
            throw new IllegalArgumentException("At least one version must be retained, got " + retainedVersions
                    + ".");
        }
        this.retainedVersions = retainedVersions;
        return this;
    }

    /**
     * Sets how much memory a writer buffers rows in before it sorts them and spills a run to disk.
     *
     * @param bytes one MiB or more; 64 MiB by default
     * @return this builder
     * @throws IllegalArgumentException if less than one MiB
     */
    public OutputEntityClientBuilder writerMemoryBytes(long bytes) {
        if (bytes < (1 << 20)) {
            throw new IllegalArgumentException("The writer memory must be at least 1 MiB, got " + bytes + " bytes.");
        }
        this.writerMemoryBytes = bytes;
        return this;
    }

    /**
     * Sets where writers spill sorted runs of rows that exceed their memory.
     *
     * @param directory a local directory; the system temporary directory by default
     * @return this builder
     */
    public OutputEntityClientBuilder spillDirectory(Path directory) {
        this.spillDirectory = directory;
        return this;
    }

    /**
     * Sets how many rows a partition holds: a version of N rows gets {@code ceil(N / target)} partitions, from 1
     * to 1,024. Point lookups cost the same whatever the count; smaller partitions suit consumers that read files
     * in parallel.
     *
     * @param rows one or more; {@value #DEFAULT_TARGET_ROWS_PER_PARTITION} by default
     * @return this builder
     * @throws IllegalArgumentException if less than one
     */
    public OutputEntityClientBuilder targetRowsPerPartition(long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("A partition must hold at least one row, got " + rows + ".");
        }
        this.targetRowsPerPartition = rows;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no lake store was set
     */
    public OutputEntityClient buildClient() {
        if (lakeStore == null) {
            throw new IllegalStateException("An OutputEntityClient needs a lake store: call lakeStore(...), for "
                    + "example with new LocalLakeStore(Path.of(\"lake\")).");
        }
        return new OutputEntityClient(new OutputConfig(lakeStore, clock, retainedVersions, writerMemoryBytes,
                spillDirectory, targetRowsPerPartition, MAX_PARTITIONS, INDEX_INTERVAL, INDEX_CACHE_ENTRIES));
    }
}
