package dev.custommodels.models;

import java.util.Objects;

/**
 * One problem found while validating a workflow.
 *
 * @param path where the problem is, such as {@code inputs[input1].fields[tenure]}
 * @param message what is wrong and what to do
 */
public record ValidationProblem(String path, String message) {

    /**
     * Checks that both parts are present.
     *
     * @param path where the problem is, such as {@code inputs[input1].fields[tenure]}
     * @param message what is wrong and what to do
     */
    public ValidationProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
