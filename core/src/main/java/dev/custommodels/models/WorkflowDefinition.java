package dev.custommodels.models;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a host supplies to create or update a workflow.
 *
 * @param displayName the name people see
 * @param model the model; it can never change for a saved workflow
 * @param inputs one binding per model input
 * @param output the output settings
 * @param customerIdAttribute the attribute of the results that holds the Customer ID
 * @param parameters values for model parameters, by name; parameters not given keep their defaults
 * @param driftPolicy what a run does on drift
 */
public record WorkflowDefinition(String displayName, ModelReference model, List<InputBinding> inputs,
        OutputSettings output, String customerIdAttribute, Map<String, String> parameters,
        DriftPolicy driftPolicy) {

    /**
     * Validates the definition.
     *
     * @throws IllegalArgumentException if the display name or Customer ID attribute is blank, or an input is bound
     *     twice
     * @param displayName the name people see
     * @param model the model; it can never change for a saved workflow
     * @param inputs one binding per model input
     * @param output the output settings
     * @param customerIdAttribute the attribute of the results that holds the Customer ID
     * @param parameters values for model parameters, by name; parameters not given keep their defaults
     * @param driftPolicy what a run does on drift
     */
    public WorkflowDefinition {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(customerIdAttribute, "customerIdAttribute");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        driftPolicy = driftPolicy == null ? DriftPolicy.BLOCK : driftPolicy;
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("A workflow needs a non-blank display name.");
        }
        if (customerIdAttribute.isBlank()) {
            throw new IllegalArgumentException("A workflow needs the Customer ID attribute of its results.");
        }
        if (inputs.stream().map(InputBinding::input).distinct().count() != inputs.size()) {
            throw new IllegalArgumentException("A model input is bound twice in workflow '" + displayName + "'.");
        }
    }

    /**
     * Creates a definition with no parameter values and the default drift policy.
     *
     * @param displayName the display name
     * @param model the model
     * @param inputs the input bindings
     * @param output the output settings
     * @param customerIdAttribute the Customer ID attribute of the results
     * @return the definition
     */
    public static WorkflowDefinition of(String displayName, ModelReference model, List<InputBinding> inputs,
            OutputSettings output, String customerIdAttribute) {
        return new WorkflowDefinition(displayName, model, inputs, output, customerIdAttribute, Map.of(), null);
    }

    /**
     * Returns a copy with another display name.
     *
     * @param name the new display name
     * @return the copy
     */
    public WorkflowDefinition withDisplayName(String name) {
        return new WorkflowDefinition(name, model, inputs, output, customerIdAttribute, parameters, driftPolicy);
    }

    /**
     * Returns a copy with other input bindings.
     *
     * @param newInputs the new bindings
     * @return the copy
     */
    public WorkflowDefinition withInputs(List<InputBinding> newInputs) {
        return new WorkflowDefinition(displayName, model, newInputs, output, customerIdAttribute, parameters,
                driftPolicy);
    }

    /**
     * Returns a copy with other output settings.
     *
     * @param newOutput the new settings
     * @return the copy
     */
    public WorkflowDefinition withOutput(OutputSettings newOutput) {
        return new WorkflowDefinition(displayName, model, inputs, newOutput, customerIdAttribute, parameters,
                driftPolicy);
    }

    /**
     * Returns a copy with another Customer ID attribute.
     *
     * @param attribute the new attribute
     * @return the copy
     */
    public WorkflowDefinition withCustomerIdAttribute(String attribute) {
        return new WorkflowDefinition(displayName, model, inputs, output, attribute, parameters, driftPolicy);
    }

    /**
     * Returns a copy with another model; {@code updateWorkflow} rejects such a copy, since a new model is a new
     * workflow.
     *
     * @param newModel the new model
     * @return the copy
     */
    public WorkflowDefinition withModel(ModelReference newModel) {
        return new WorkflowDefinition(displayName, newModel, inputs, output, customerIdAttribute, parameters,
                driftPolicy);
    }

    /**
     * Returns a copy with other parameter values.
     *
     * @param newParameters the values by parameter name
     * @return the copy
     */
    public WorkflowDefinition withParameters(Map<String, String> newParameters) {
        return new WorkflowDefinition(displayName, model, inputs, output, customerIdAttribute, newParameters,
                driftPolicy);
    }

    /**
     * Returns a copy with another drift policy.
     *
     * @param policy the policy
     * @return the copy
     */
    public WorkflowDefinition withDriftPolicy(DriftPolicy policy) {
        return new WorkflowDefinition(displayName, model, inputs, output, customerIdAttribute, parameters, policy);
    }
}
