package dev.custommodels.spi;

import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run asks a connector to execute.
 *
 * @param runId the run's id; connectors tag remote jobs with it where the backend allows
 * @param workflowId the workflow's id
 * @param model the model
 * @param contract the model's contract
 * @param inputs the staged inputs, one per bound model input
 * @param parameters parameter values by name (defaults not repeated)
 * @param output the workflow's output settings
 * @param workPrefix a lake folder, ending with {@code /}, that the connector may use for its own checkpoints
 * @param customerIdColumn the model output column that holds the Customer ID (the workflow's Customer ID
 *     attribute), so a connector can reject an output without it; {@code null} when not known
 */
public record JobRequest(String runId, String workflowId, ModelReference model, ServiceContract contract,
        List<StagedInput> inputs, Map<String, String> parameters, OutputSettings output, String workPrefix,
        String customerIdColumn) {

    /**
     * Copies the collections and checks required parts.
     *
     * @param runId the run's id; connectors tag remote jobs with it where the backend allows
     * @param workflowId the workflow's id
     * @param model the model
     * @param contract the model's contract
     * @param inputs the staged inputs, one per bound model input
     * @param parameters parameter values by name (defaults not repeated)
     * @param output the workflow's output settings
     * @param workPrefix a lake folder, ending with {@code /}, that the connector may use for its own checkpoints
     * @param customerIdColumn the model output column that holds the Customer ID (the workflow's Customer ID
     *     attribute), so a connector can reject an output without it; {@code null} when not known
     */
    public JobRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(workPrefix, "workPrefix");
        inputs = List.copyOf(inputs);
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        if (customerIdColumn != null && customerIdColumn.isBlank()) {
            customerIdColumn = null;
        }
    }

    /**
     * Creates a request without a Customer ID column.
     *
     * @param runId the run's id
     * @param workflowId the workflow's id
     * @param model the model
     * @param contract the model's contract
     * @param inputs the staged inputs
     * @param parameters parameter values by name
     * @param output the output settings
     * @param workPrefix the connector's lake folder
     */
    public JobRequest(String runId, String workflowId, ModelReference model, ServiceContract contract,
            List<StagedInput> inputs, Map<String, String> parameters, OutputSettings output, String workPrefix) {
        this(runId, workflowId, model, contract, inputs, parameters, output, workPrefix, null);
    }
}
