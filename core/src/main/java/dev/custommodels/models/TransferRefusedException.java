package dev.custommodels.models;

/**
 * The host's {@link DataTransferPolicy} refused to send a run's data; nothing was sent.
 */
public final class TransferRefusedException extends RunFailedException {
    private static final long serialVersionUID = 1L;
    /** The error code of a refused transfer. */
    public static final String CODE = "TransferRefused";
    private final transient DataTransfer transfer;
    /** The policy's reason. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param transfer what would have been sent where
     * @param reason the policy's reason
     */
    public TransferRefusedException(DataTransfer transfer, String reason) {
        super("The data transfer policy refused to send " + transfer.totalRows() + " rows of run '"
                + transfer.runId() + "' to " + transfer.model().displayString()
                + (transfer.region() == null ? "" : " (region " + transfer.region() + ")") + ": " + reason
                + ". Nothing was sent.", transfer.runId(), transfer.workflowId(), transfer.model().connector(),
                RunPhase.EXPORT, CODE, reason);
        this.transfer = transfer;
        this.reason = reason;
    }

    /**
     * Returns what would have been sent where.
     *
     * @return the transfer
     */
    public DataTransfer getTransfer() {
        return transfer;
    }

    /**
     * Returns the policy's reason.
     *
     * @return the reason
     */
    public String getReason() {
        return reason;
    }
}
