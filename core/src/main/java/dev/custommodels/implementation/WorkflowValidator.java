package dev.custommodels.implementation;

import dev.custommodels.models.ValidationProblem;
import dev.custommodels.models.WorkflowValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates a workflow definition by running an ordered list of {@link WorkflowCheck}s and collecting every
 * problem before failing.
 *
 * <p>The extension point is the list of checks: {@link #defaultChecks()} holds the structural rules of
 * {@link WorkflowChecks}; further rules (such as the mapping engine's type-lattice vetoes and near-miss details)
 * are added with {@link #withCheck(WorkflowCheck)} or by appending to {@link #defaultChecks()}. Immutable and
 * thread-safe.
 */
public final class WorkflowValidator {
    private final List<WorkflowCheck> checks;

    /** Creates a validator with the {@link #defaultChecks()}. */
    public WorkflowValidator() {
        this(defaultChecks());
    }

    /**
     * Creates a validator with the given checks.
     *
     * @param checks the checks, run in order
     */
    public WorkflowValidator(List<WorkflowCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Returns the checks every client runs: the structural checks of {@link WorkflowChecks}, then those of
     * {@link MappingCheck} (one entity per input; the mapping engine's near misses and type-lattice vetoes).
     *
     * @return the checks in order
     */
    public static List<WorkflowCheck> defaultChecks() {
        return List.of(
                WorkflowChecks::inputsExistInContract,
                WorkflowChecks::entitiesAndAttributesExist,
                WorkflowChecks::requiredFieldsAreMapped,
                WorkflowChecks::outputSettingsFitContract,
                WorkflowChecks::parametersExist,
                MappingCheck::oneEntityPerInput,
                MappingCheck::mappingEngine);
    }

    /**
     * Returns a validator that also runs one more check, after the others.
     *
     * @param check the check
     * @return a new validator
     */
    public WorkflowValidator withCheck(WorkflowCheck check) {
        List<WorkflowCheck> more = new ArrayList<>(checks);
        more.add(Objects.requireNonNull(check, "check"));
        return new WorkflowValidator(more);
    }

    /**
     * Returns the checks.
     *
     * @return the checks in order
     */
    public List<WorkflowCheck> checks() {
        return checks;
    }

    /**
     * Runs every check.
     *
     * @param subject what to check
     * @return every problem found, in check order; empty when the definition is valid
     */
    public List<ValidationProblem> problems(ValidationSubject subject) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (WorkflowCheck check : checks) {
            check.check(subject, problems);
        }
        return problems;
    }

    /**
     * Runs every check and throws if any check, or the caller, found a problem.
     *
     * @param subject what to check
     * @param more problems found elsewhere (such as by the connector), reported after the checks' own
     * @throws WorkflowValidationException listing every problem
     */
    public void validate(ValidationSubject subject, List<ValidationProblem> more) {
        List<ValidationProblem> problems = problems(subject);
        problems.addAll(more);
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException("Workflow '" + subject.definition().displayName() + "'",
                    problems);
        }
    }
}
