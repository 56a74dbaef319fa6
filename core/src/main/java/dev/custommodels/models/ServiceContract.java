package dev.custommodels.models;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector reads from a model: its inputs, parameters and outputs.
 *
 * @param inputs the data inputs
 * @param parameters the parameters with their defaults
 * @param outputs the outputs
 */
public record ServiceContract(List<ModelInput> inputs, List<ModelParameter> parameters, List<ModelOutput> outputs) {

    /**
     * Copies the lists.
     *
     * @param inputs the data inputs
     * @param parameters the parameters with their defaults
     * @param outputs the outputs
     */
    public ServiceContract {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
    }

    /**
     * Finds an input by name.
     *
     * @param name the input name
     * @return the input, or empty
     */
    public Optional<ModelInput> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Finds a parameter by name.
     *
     * @param name the parameter name
     * @return the parameter, or empty
     */
    public Optional<ModelParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
