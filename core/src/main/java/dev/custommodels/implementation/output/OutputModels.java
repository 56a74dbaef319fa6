package dev.custommodels.implementation.output;

import dev.custommodels.models.EntitySchema;
import dev.custommodels.output.OutputCommitResult;
import dev.custommodels.output.OutputEntityVersion;

/** Converts internal manifests to the public records. */
public final class OutputModels {
    private OutputModels() {
    }

    /**
     * Describes a version.
     *
     * @param v the version's manifest
     * @return the public record
     */
    public static OutputEntityVersion version(VersionManifest v) {
        return new OutputEntityVersion(v.entityName(), v.runId(), v.generation(), v.rowCount(),
                v.partitions().stream().map(PartitionInfo::path).toList(),
                new EntitySchema(v.entityName(), v.attributes(), v.customerIdAttribute()), v.scoredAt(),
                v.committedAt(), v.modelReference());
    }

    /**
     * Describes a commit.
     *
     * @param c the commit
     * @return the public record
     */
    public static OutputCommitResult commit(VersionWriter.Committed c) {
        return new OutputCommitResult(version(c.version()), c.etag(),
                c.retained().stream().map(VersionEntry::runId).toList(), c.deletedFiles());
    }
}
