package dev.custommodels.models;

/**
 * What a {@code DataTransferPolicy} decided.
 *
 * @param allowed whether the data may be sent
 * @param reason why it was refused, shown in the run's error; {@code null} when allowed
 */
public record TransferDecision(boolean allowed, String reason) {
    private static final TransferDecision ALLOW = new TransferDecision(true, null);

    /**
     * Checks the decision.
     *
     * @throws IllegalArgumentException if a refusal has no reason
     * @param allowed whether the data may be sent
     * @param reason why it was refused, shown in the run's error; {@code null} when allowed
     */
    public TransferDecision {
        if (!allowed && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A refused transfer needs a reason, shown to whoever started the run.");
        }
    }

    /**
     * Allows the transfer.
     *
     * @return the decision
     */
    public static TransferDecision allow() {
        return ALLOW;
    }

    /**
     * Refuses the transfer.
     *
     * @param reason why, such as {@code "region eastus is outside the EU"}
     * @return the decision
     * @throws IllegalArgumentException if the reason is blank
     */
    public static TransferDecision refuse(String reason) {
        return new TransferDecision(false, reason);
    }
}
