package dev.custommodels.implementation;

import dev.custommodels.mapping.MappingEngine;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ValidationProblem;
import java.util.List;
import java.util.Objects;

/**
 * The checks of workflow validation that come from the mapping engine and from what a run can export.
 *
 * <p>{@link #mappingEngine(ValidationSubject, List)} asks {@link MappingEngine#validate} for its problems: a required
 * field left unbound then names its near misses and why each lost, and an attribute whose type can never feed its
 * field (a type-lattice veto) is reported. A problem of the engine at the same path as one found by the structural
 * checks replaces that one's message (the engine's says more); one at a parent path of a structural problem
 * (such as {@code fields[tenure]} beside {@code fields[tenure].attribute}) is left out, as the same finding.
 */
public final class MappingCheck {
    private static final Object LOCK = new Object();
    private static volatile MappingEngine engine;

    private MappingCheck() {
    }

    /**
     * Adds the mapping engine's problems.
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void mappingEngine(ValidationSubject s, List<ValidationProblem> problems) {
        List<ValidationProblem> found = engine().validate(s.contract(), s.definition().inputs(), s.catalog());
        for (ValidationProblem p : found) {
            int same = indexOfPath(problems, p.path());
            if (same >= 0) {
                problems.set(same, p);
            } else if (problems.stream().noneMatch(q -> q.path().startsWith(p.path() + "."))) {
                problems.add(p);
            }
        }
    }

    /**
     * Rejects field bindings that take an attribute from another entity than their input's: a run streams one
     * entity per model input and does not join entities.
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void oneEntityPerInput(ValidationSubject s, List<ValidationProblem> problems) {
        for (InputBinding b : s.definition().inputs()) {
            for (FieldBinding f : b.fields()) {
                if (f.entity() != null && !f.entity().equals(b.entity())) {
                    problems.add(new ValidationProblem(WorkflowChecks.fieldPath(b.input(), f.field()) + ".entity",
                            "attribute '" + f.entity() + "." + f.attribute() + "' comes from another entity than the"
                                    + " input's entity '" + b.entity() + "'; a run exports one entity per model"
                                    + " input and does not join entities. Bind an attribute of '" + b.entity()
                                    + "', or add an entity to the catalog that already joins them (for example a"
                                    + " JdbcEntitySource over a SQL join) and bind the input to it"));
                }
            }
        }
    }

    private static int indexOfPath(List<ValidationProblem> problems, String path) {
        for (int i = 0; i < problems.size(); i++) {
            if (problems.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    private static MappingEngine engine() {
        MappingEngine e = engine;
        if (e == null) {
            synchronized (LOCK) {
                e = engine;
                if (e == null) {
                    e = Objects.requireNonNull(new MappingEngineBuilder().buildEngine());
                    engine = e;
                }
            }
        }
        return e;
    }
}
