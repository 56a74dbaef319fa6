package dev.custommodels.implementation.output;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One retained version as the entity's model.json lists it.
 *
 * @param runId the run that wrote it
 * @param attempt the writer attempt whose files hold it
 * @param generation the manifest generation that committed it
 * @param rowCount its rows
 * @param partitionCount its partitions
 * @param scoredAt when the run scored the rows
 * @param committedAt when it was committed
 * @param modelReference the model, as a display string
 * @param manifestPath the lake path of the version's own model.json
 */
public record VersionEntry(String runId, String attempt, long generation, long rowCount, int partitionCount,
        OffsetDateTime scoredAt, OffsetDateTime committedAt, String modelReference, String manifestPath) {

    /** Checks the required parts. */
    public VersionEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(manifestPath, "manifestPath");
    }
}
