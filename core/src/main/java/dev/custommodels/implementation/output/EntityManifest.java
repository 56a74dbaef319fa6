package dev.custommodels.implementation.output;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entity's model.json: the current version in full, and the retained versions newest first (the current one
 * included).
 *
 * @param current the current version
 * @param versions the retained versions, newest first
 */
public record EntityManifest(VersionManifest current, List<VersionEntry> versions) {

    /** Checks and copies. */
    public EntityManifest {
        Objects.requireNonNull(current, "current");
        versions = List.copyOf(versions);
    }

    /**
     * Returns the generation: how many versions were ever committed to this entity.
     *
     * @return the generation
     */
    public long generation() {
        return current.generation();
    }

    /**
     * Finds a retained version by run id.
     *
     * @param runId the run id
     * @return the entry, or empty
     */
    public Optional<VersionEntry> version(String runId) {
        return versions.stream().filter(v -> v.runId().equals(runId)).findFirst();
    }
}
