package dev.custommodels.output;

import java.util.List;
import java.util.Objects;

/**
 * What a writer's commit made visible.
 *
 * @param version the committed version
 * @param etag the ETag of the entity's model.json written by the commit
 * @param retainedRunIds the runs whose versions are kept after the commit, newest first (this one first)
 * @param deletedFiles how many files of dropped versions and of abandoned writers the commit removed
 */
public record OutputCommitResult(OutputEntityVersion version, String etag, List<String> retainedRunIds,
        long deletedFiles) {

    /**
     * Validates the result.
     *
     * @throws NullPointerException if a part is missing
     */
    public OutputCommitResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(etag, "etag");
        retainedRunIds = List.copyOf(retainedRunIds);
    }
}
