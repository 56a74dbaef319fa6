package dev.custommodels.implementation.output;

import java.util.Objects;

/**
 * One CSV partition of a version and its index.
 *
 * @param number the partition number, from 0
 * @param path the CSV file's lake path
 * @param indexPath the index file's lake path
 * @param location the CDM {@code location}: an absolute URL where the store has one, else a path relative to the
 *     entity folder
 * @param rowCount the rows in the partition
 * @param bytes the CSV file's length
 */
public record PartitionInfo(int number, String path, String indexPath, String location, long rowCount,
        long bytes) {

    /** Checks the paths. */
    public PartitionInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(indexPath, "indexPath");
        Objects.requireNonNull(location, "location");
    }
}
