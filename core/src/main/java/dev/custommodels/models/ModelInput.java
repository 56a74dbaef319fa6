package dev.custommodels.models;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One input of a model: a table of typed fields.
 *
 * @param name the input's name as the service declares it (for example {@code input1})
 * @param fields the fields in the order the model expects them
 * @param fieldsDeclared {@code false} when the service declares no columns for this input (a model deployment
 *     without a signature): the fields then come from the host's choice of attributes
 */
public record ModelInput(String name, List<ModelField> fields, boolean fieldsDeclared) {

    /**
     * Validates the input.
     *
     * @throws IllegalArgumentException if the name is blank or two fields share a name
     * @param name the input's name as the service declares it (for example {@code input1})
     * @param fields the fields in the order the model expects them
     * @param fieldsDeclared {@code false} when the service declares no columns for this input (a model deployment
     *     without a signature): the fields then come from the host's choice of attributes
     */
    public ModelInput {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("A model input name must not be blank.");
        }
        Set<String> seen = new HashSet<>();
        for (ModelField f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException(
                        "Model input '" + name + "' declares the field '" + f.name() + "' twice.");
            }
        }
    }

    /**
     * Creates an input whose fields are declared by the service.
     *
     * @param name the name
     * @param fields the fields
     * @return the input
     */
    public static ModelInput of(String name, List<ModelField> fields) {
        return new ModelInput(name, fields, true);
    }

    /**
     * Finds a field by name.
     *
     * @param fieldName the name
     * @return the field, or empty
     */
    public Optional<ModelField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
