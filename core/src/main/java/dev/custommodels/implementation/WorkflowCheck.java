package dev.custommodels.implementation;

import dev.custommodels.models.ValidationProblem;
import java.util.List;

/**
 * One rule of workflow validation. A check adds every problem it finds, each with its path (such as
 * {@code inputs[input1].fields[tenure]}), and never throws for a problem: the validator collects the problems of
 * all checks before failing.
 */
@FunctionalInterface
public interface WorkflowCheck {

    /**
     * Checks a workflow.
     *
     * @param subject the definition with the contract and schemas it is checked against
     * @param problems where to add the problems found
     */
    void check(ValidationSubject subject, List<ValidationProblem> problems);
}
