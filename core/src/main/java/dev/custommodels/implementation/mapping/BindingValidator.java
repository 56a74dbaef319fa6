package dev.custommodels.implementation.mapping;

import dev.custommodels.mapping.Alternative;
import dev.custommodels.mapping.AttributeRef;
import dev.custommodels.mapping.FieldMapping;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.mapping.TypeCheck;
import dev.custommodels.mapping.TypeLattice;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a workflow's input bindings against the model's contract and the catalog, collecting every problem: an
 * input or required field left unbound (with the near misses and why each was rejected), a binding that names
 * something that does not exist, and a binding whose attribute type can never feed the field type.
 */
public final class BindingValidator {
    private final Function<List<EntitySchema>, Proposer> prepare;

    /**
     * Creates a validator.
     *
     * @param prepare prepares (or finds) the proposer of a catalog, used to find near misses
     */
    public BindingValidator(Function<List<EntitySchema>, Proposer> prepare) {
        this.prepare = prepare;
    }

    /**
     * Validates.
     *
     * @param contract the model's contract
     * @param bindings the bindings, one per input
     * @param entities the catalog
     * @return every problem found, in contract order; empty when the bindings are valid
     */
    public List<ValidationProblem> validate(ServiceContract contract, List<InputBinding> bindings,
            List<EntitySchema> entities) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (entities.isEmpty()) {
            problems.add(new ValidationProblem("catalog", "The catalog has no entities, so no input can be fed. "
                    + "Add the entities that feed the model."));
            return problems;
        }
        Proposer proposer = prepare.apply(entities);
        Map<String, InputBinding> byInput = new LinkedHashMap<>();
        for (InputBinding b : bindings) {
            if (byInput.putIfAbsent(b.input(), b) != null) {
                problems.add(new ValidationProblem(path(b.input()), "Input '" + b.input()
                        + "' is bound twice; keep one binding per input."));
            }
            if (contract.input(b.input()).isEmpty()) {
                problems.add(new ValidationProblem(path(b.input()), "The model has no input '" + b.input()
                        + "'. Inputs: " + contract.inputs().stream().map(ModelInput::name).toList()
                        + ". Remove this binding."));
            }
        }
        for (ModelInput input : contract.inputs()) {
            validateInput(input, byInput.get(input.name()), entities, proposer, problems);
        }
        return problems;
    }

    private void validateInput(ModelInput input, InputBinding b, List<EntitySchema> entities, Proposer proposer,
            List<ValidationProblem> problems) {
        String path = path(input.name());
        Map<String, AttributeRef> pins = new LinkedHashMap<>();
        if (b == null) {
            problems.add(new ValidationProblem(path, "Input '" + input.name() + "' is not bound to an entity. "
                    + "Bind it (MappingEngine.propose suggests an entity and its attributes)."));
        } else {
            Optional<EntitySchema> entity = find(entities, b.entity());
            if (entity.isEmpty()) {
                problems.add(new ValidationProblem(path + ".entity", "The catalog has no entity '" + b.entity()
                        + "'. Entities: " + entities.stream().map(EntitySchema::name).toList() + "."));
            }
            for (FieldBinding fb : b.fields()) {
                checkBinding(input, b, fb, entities, proposer, problems).ifPresent(ref -> pins.put(fb.field(), ref));
            }
        }
        if (!input.fieldsDeclared()) {
            return;
        }
        List<ModelField> unbound = input.fields().stream()
                .filter(f -> f.required() && (b == null || b.field(f.name()).isEmpty())).toList();
        if (unbound.isEmpty()) {
            return;
        }
        MappingProposal proposal = proposer.propose(input, null, pins);
        for (ModelField f : unbound) {
            FieldMapping m = proposal.field(f.name()).orElseThrow();
            problems.add(new ValidationProblem(path + ".fields[" + f.name() + "]", unboundMessage(f, m)));
        }
    }

    /** Checks one field binding; returns its target when it names an existing field and attribute. */
    private Optional<AttributeRef> checkBinding(ModelInput input, InputBinding b, FieldBinding fb,
            List<EntitySchema> entities, Proposer proposer, List<ValidationProblem> problems) {
        String fpath = path(input.name()) + ".fields[" + fb.field() + "]";
        Optional<ModelField> field = input.field(fb.field());
        if (field.isEmpty() && input.fieldsDeclared()) {
            problems.add(new ValidationProblem(fpath, "The input has no field '" + fb.field() + "'. Fields: "
                    + input.fields().stream().map(ModelField::name).toList() + ". Remove this binding."));
            return Optional.empty();
        }
        String entityName = fb.entity() == null ? b.entity() : fb.entity();
        Optional<EntitySchema> entity = find(entities, entityName);
        if (entity.isEmpty()) {
            if (fb.entity() != null) {
                problems.add(new ValidationProblem(fpath, "The catalog has no entity '" + fb.entity()
                        + "'. Entities: " + entities.stream().map(EntitySchema::name).toList() + "."));
            }
            return Optional.empty();
        }
        Optional<Attribute> attr = entity.get().attribute(fb.attribute());
        if (attr.isEmpty()) {
            problems.add(new ValidationProblem(fpath, "Entity '" + entityName + "' has no attribute '"
                    + fb.attribute() + "'. Attributes: " + entity.get().attributeNames() + "."));
            return Optional.empty();
        }
        if (field.isEmpty()) {
            return Optional.empty();
        }
        ModelField f = field.get();
        boolean ids = proposer.identifierPair(f, entityName, fb.attribute());
        TypeCheck c = TypeLattice.check(attr.get().type(), f.type(), ids);
        if (!c.allowed()) {
            problems.add(new ValidationProblem(fpath, String.format(Locale.ROOT,
                    "Attribute '%s.%s' (%s) cannot feed field '%s' (%s): %s. Bind an attribute of a compatible "
                            + "type.", entityName, fb.attribute(), lower(attr.get().type().name()), f.name(),
                    lower(f.type().name()), c.reason())));
        }
        return Optional.of(new AttributeRef(entityName, fb.attribute()));
    }

    private static String unboundMessage(ModelField f, FieldMapping m) {
        StringBuilder b = new StringBuilder("Required field '").append(f.name()).append("' (")
                .append(lower(f.type().name())).append(") is not bound to any attribute.");
        if (m.target() != null) {
            b.append(String.format(Locale.ROOT, " Suggested: %s (%s, confidence %.2f).", m.target(),
                    m.status(), m.confidence()));
        }
        List<Alternative> near = new ArrayList<>();
        if (m.runnerUp() != null) {
            near.add(m.runnerUp());
        }
        near.addAll(m.nearMisses());
        if (near.isEmpty()) {
            b.append(" No attribute of the catalog comes close.");
        } else {
            b.append(" Near misses: ").append(near.stream().map(Alternative::toString)
                    .collect(Collectors.joining("; "))).append('.');
        }
        b.append(" Bind it by hand, or change the model.");
        return b.toString();
    }

    private static Optional<EntitySchema> find(List<EntitySchema> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static String path(String input) {
        return "inputs[" + input + "]";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
