package dev.custommodels.models;

import com.azure.core.exception.AzureException;

/** The base of every exception this SDK throws. Unchecked, like azure-core's. */
public class CustomModelsException extends AzureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public CustomModelsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong and what to do
     * @param cause the cause
     */
    public CustomModelsException(String message, Throwable cause) {
        super(message, cause);
    }
}
