package dev.custommodels.models;

import java.util.Objects;

/**
 * Where and how a workflow's results are written.
 *
 * @param entityName the output entity's name
 * @param modelOutput which model output holds the results, or {@code null} for the only (or first) one
 * @param outputDatastoreParameter for pipelines: the pipeline parameter that takes the output datastore name,
 *     otherwise {@code null}
 * @param outputPathParameter for pipelines: the pipeline parameter that takes the output path, otherwise
 *     {@code null}
 */
public record OutputSettings(String entityName, String modelOutput, String outputDatastoreParameter,
        String outputPathParameter) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the entity name is blank
     * @param entityName the output entity's name
     * @param modelOutput which model output holds the results, or {@code null} for the only (or first) one
     * @param outputDatastoreParameter for pipelines: the pipeline parameter that takes the output datastore name,
     *     otherwise {@code null}
     * @param outputPathParameter for pipelines: the pipeline parameter that takes the output path, otherwise
     *     {@code null}
     */
    public OutputSettings {
        Objects.requireNonNull(entityName, "entityName");
        if (entityName.isBlank()) {
            throw new IllegalArgumentException("The output entity name must not be blank.");
        }
        modelOutput = blankToNull(modelOutput);
        outputDatastoreParameter = blankToNull(outputDatastoreParameter);
        outputPathParameter = blankToNull(outputPathParameter);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Creates settings that name only the output entity.
     *
     * @param entityName the output entity
     * @return the settings
     */
    public static OutputSettings of(String entityName) {
        return new OutputSettings(entityName, null, null, null);
    }
}
