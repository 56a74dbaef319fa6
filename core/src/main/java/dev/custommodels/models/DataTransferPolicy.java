package dev.custommodels.models;

/**
 * The host's rule for what data may leave for which model. A run asks its policy once, after the bound entities
 * are exported into the lake and before anything is submitted: the policy sees the destination (connector,
 * tenant, workspace, service, region where known), the entities and columns, and the row counts, and may refuse.
 * A refusal fails the run with {@link TransferRefusedException}; nothing was sent.
 *
 * <p>Set one for all runs of a client with {@code CustomModelsClientBuilder.dataTransferPolicy}, or for one run
 * with {@link RunOptions#setTransferPolicy(DataTransferPolicy)}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DataTransferPolicy {

    /**
     * Decides on a transfer.
     *
     * @param transfer what is about to be sent where
     * @return the decision; {@link TransferDecision#refuse(String)} with a reason to stop the run
     */
    TransferDecision evaluate(DataTransfer transfer);

    /**
     * Returns the policy that allows every transfer, the default.
     *
     * @return the policy
     */
    static DataTransferPolicy allowAll() {
        return transfer -> TransferDecision.allow();
    }
}
