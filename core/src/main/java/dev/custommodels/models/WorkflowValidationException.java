package dev.custommodels.models;

import java.util.List;
import java.util.stream.Collectors;

/** A workflow cannot be saved; every problem found is listed, each with its path. */
public final class WorkflowValidationException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationProblem> problems;

    /**
     * Creates the exception.
     *
     * @param subject what was validated, such as {@code Workflow 'Churn'}
     * @param problems every problem found; at least one
     */
    public WorkflowValidationException(String subject, List<ValidationProblem> problems) {
        super(subject + " is not valid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found.
     *
     * @return the problems
     */
    public List<ValidationProblem> getProblems() {
        return problems;
    }
}
