package dev.custommodels.models;

import java.util.Objects;

/**
 * A parameter of a model (a Studio global parameter, a pipeline parameter, a component input of a literal type).
 *
 * @param name the parameter's name
 * @param kind what it carries
 * @param type the value type for {@link ParameterKind#VALUE} parameters, {@code null} for data parameters
 * @param defaultValue the default as text, or {@code null} when there is none
 */
public record ModelParameter(String name, ParameterKind kind, DataType type, String defaultValue) {

    /**
     * Validates the parameter.
     *
     * @throws IllegalArgumentException if the name is blank or a value parameter has no type
     * @param name the parameter's name
     * @param kind what it carries
     * @param type the value type for {@link ParameterKind#VALUE} parameters, {@code null} for data parameters
     * @param defaultValue the default as text, or {@code null} when there is none
     */
    public ModelParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A parameter name must not be blank.");
        }
        if (kind == ParameterKind.VALUE && type == null) {
            throw new IllegalArgumentException("Value parameter '" + name + "' needs a type.");
        }
    }
}
