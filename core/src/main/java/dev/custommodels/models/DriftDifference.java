package dev.custommodels.models;

import java.util.Objects;

/**
 * One difference between what a workflow was saved against and what its model or entities are now.
 *
 * @param path what differs, such as {@code contract.inputs[input1].fields[tenure].type} or
 *     {@code entities[Customer].attributes[Email]}
 * @param saved the saved value, or {@code null} when it did not exist
 * @param current the current value, or {@code null} when it no longer exists
 */
public record DriftDifference(String path, String saved, String current) {

    /**
     * Checks required parts.
     *
     * @param path what differs, such as {@code contract.inputs[input1].fields[tenure].type} or
     *     {@code entities[Customer].attributes[Email]}
     * @param saved the saved value, or {@code null} when it did not exist
     * @param current the current value, or {@code null} when it no longer exists
     */
    public DriftDifference {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Describes the difference.
     *
     * @return {@code path: saved -> current}, with {@code (absent)} for a missing side
     */
    @Override
    public String toString() {
        return path + ": " + (saved == null ? "(absent)" : saved) + " -> " + (current == null ? "(absent)" : current);
    }
}
