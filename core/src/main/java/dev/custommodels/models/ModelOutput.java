package dev.custommodels.models;

import java.util.List;
import java.util.Objects;

/**
 * One output of a model.
 *
 * @param name the output's name as the service declares it
 * @param columns the typed columns where the service declares them; empty when they are known only after a run
 */
public record ModelOutput(String name, List<ModelField> columns) {

    /**
     * Validates the output.
     *
     * @throws IllegalArgumentException if the name is blank
     * @param name the output's name as the service declares it
     * @param columns the typed columns where the service declares them; empty when they are known only after a run
     */
    public ModelOutput {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("A model output name must not be blank.");
        }
    }
}
