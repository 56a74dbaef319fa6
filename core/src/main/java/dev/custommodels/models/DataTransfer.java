package dev.custommodels.models;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Data a run is about to send, or has sent, to a model: the destination and what goes there. A
 * {@code DataTransferPolicy} sees it before anything leaves; the run record keeps it.
 *
 * @param runId the run
 * @param workflowId the workflow
 * @param model the destination model: connector, tenant, workspace, service and endpoint
 * @param region the workspace's Azure region where the connector knows it, otherwise {@code null}
 * @param inputs what is sent, per model input
 * @param at when the transfer was approved
 */
public record DataTransfer(String runId, String workflowId, ModelReference model, String region,
        List<TransferredInput> inputs, OffsetDateTime at) {

    /**
     * Checks required parts and copies the list.
     *
     * @param runId the run
     * @param workflowId the workflow
     * @param model the destination model: connector, tenant, workspace, service and endpoint
     * @param region the workspace's Azure region where the connector knows it, otherwise {@code null}
     * @param inputs what is sent, per model input
     * @param at when the transfer was approved
     */
    public DataTransfer {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
    }

    /**
     * Returns the number of rows sent over all inputs.
     *
     * @return the row count
     */
    public long totalRows() {
        return inputs.stream().mapToLong(TransferredInput::rowCount).sum();
    }
}
