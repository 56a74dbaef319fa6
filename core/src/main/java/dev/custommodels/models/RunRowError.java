package dev.custommodels.models;

import java.util.Objects;

/**
 * One entry of a run's error ledger: a row that could not be sent or committed, and why.
 *
 * @param runId the run
 * @param phase {@link RunPhase#EXPORT} for an entity row that could not be converted to the model's types,
 *     {@link RunPhase#COMMIT} for a result row or value that could not be committed
 * @param input the model input (export) or the model output file (commit)
 * @param rowKey the row's primary key (export) or Customer ID (commit), or {@code null} when it has none
 * @param field the model field or result column at fault, or {@code null} for the whole row
 * @param value the offending value as text, shortened to 200 characters, or {@code null}
 * @param reason why it was rejected
 */
public record RunRowError(String runId, RunPhase phase, String input, String rowKey, String field, String value,
        String reason) {

    /**
     * Checks required parts.
     *
     * @param runId the run
     * @param phase {@link RunPhase#EXPORT} for an entity row that could not be converted to the model's types,
     *     {@link RunPhase#COMMIT} for a result row or value that could not be committed
     * @param input the model input (export) or the model output file (commit)
     * @param rowKey the row's primary key (export) or Customer ID (commit), or {@code null} when it has none
     * @param field the model field or result column at fault, or {@code null} for the whole row
     * @param value the offending value as text, shortened to 200 characters, or {@code null}
     * @param reason why it was rejected
     */
    public RunRowError {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reason, "reason");
    }
}
