package dev.custommodels.implementation;

import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.spi.LakePaths;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The structural checks of {@link WorkflowValidator#defaultChecks()}. */
public final class WorkflowChecks {
    private WorkflowChecks() {
    }

    /**
     * Every bound input exists in the contract, and every bound field in its input (when the input declares its
     * fields).
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void inputsExistInContract(ValidationSubject s, List<ValidationProblem> problems) {
        ServiceContract contract = s.contract();
        for (InputBinding b : s.definition().inputs()) {
            Optional<ModelInput> input = contract.input(b.input());
            if (input.isEmpty()) {
                problems.add(new ValidationProblem(inputPath(b.input()), "the model has no input '" + b.input()
                        + "'. Its inputs: " + contract.inputs().stream().map(ModelInput::name).toList()));
                continue;
            }
            if (!input.get().fieldsDeclared()) {
                continue;
            }
            for (FieldBinding f : b.fields()) {
                if (input.get().field(f.field()).isEmpty()) {
                    problems.add(new ValidationProblem(fieldPath(b.input(), f.field()), "the model input has no"
                            + " field '" + f.field() + "'. Its fields: "
                            + input.get().fields().stream().map(ModelField::name).toList()));
                }
            }
        }
    }

    /**
     * Every bound entity exists in the catalog, and every bound attribute in its entity.
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void entitiesAndAttributesExist(ValidationSubject s, List<ValidationProblem> problems) {
        List<String> known = s.catalog().schemas().stream().map(EntitySchema::name).toList();
        for (InputBinding b : s.definition().inputs()) {
            if (s.entity(b.entity()).isEmpty()) {
                problems.add(new ValidationProblem(inputPath(b.input()) + ".entity", "the entity catalog has no"
                        + " entity '" + b.entity() + "'. Entities: " + known));
            }
            for (FieldBinding f : b.fields()) {
                String entityName = f.entity() == null ? b.entity() : f.entity();
                Optional<EntitySchema> entity = s.entity(entityName);
                if (entity.isEmpty()) {
                    if (f.entity() != null) {
                        problems.add(new ValidationProblem(fieldPath(b.input(), f.field()) + ".entity", "the entity"
                                + " catalog has no entity '" + f.entity() + "'. Entities: " + known));
                    }
                } else if (entity.get().attribute(f.attribute()).isEmpty()) {
                    problems.add(new ValidationProblem(fieldPath(b.input(), f.field()) + ".attribute", "entity '"
                            + entityName + "' has no attribute '" + f.attribute() + "'. Its attributes: "
                            + entity.get().attributeNames()));
                }
            }
        }
    }

    /**
     * Every input of the contract is bound, and every required field of a bound input is mapped.
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void requiredFieldsAreMapped(ValidationSubject s, List<ValidationProblem> problems) {
        WorkflowDefinition d = s.definition();
        for (ModelInput input : s.contract().inputs()) {
            Optional<InputBinding> binding = d.inputs().stream().filter(b -> b.input().equals(input.name()))
                    .findFirst();
            if (binding.isEmpty()) {
                problems.add(new ValidationProblem(inputPath(input.name()), "the model input is not bound to an"
                        + " entity; bind it"));
                continue;
            }
            if (!input.fieldsDeclared() && binding.get().fields().isEmpty()) {
                problems.add(new ValidationProblem(inputPath(input.name()) + ".fields", "the model declares no"
                        + " fields for this input, so map at least one attribute to send"));
            }
            for (ModelField field : input.fields()) {
                if (field.required() && binding.get().field(field.name()).isEmpty()) {
                    problems.add(new ValidationProblem(fieldPath(input.name(), field.name()),
                            "required field is not mapped"));
                }
            }
        }
    }

    /**
     * The output entity name can be a lake folder, the chosen model output exists, the Customer ID attribute is
     * one of its columns (when the model declares them), and the pipeline output parameters exist.
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void outputSettingsFitContract(ValidationSubject s, List<ValidationProblem> problems) {
        OutputSettings o = s.definition().output();
        String entity = o.entityName();
        if (entity.contains("/") || !isValidPath("entities/" + entity)) {
            problems.add(new ValidationProblem("output.entityName", "'" + entity + "' cannot name an output"
                    + " entity: it must be a single lake folder name (no '/', '..', control characters)"));
        }
        List<ModelOutput> outputs = s.contract().outputs();
        Optional<ModelOutput> chosen = o.modelOutput() == null ? outputs.stream().findFirst()
                : outputs.stream().filter(x -> x.name().equals(o.modelOutput())).findFirst();
        if (o.modelOutput() != null && chosen.isEmpty()) {
            problems.add(new ValidationProblem("output.modelOutput", "the model has no output '" + o.modelOutput()
                    + "'. Its outputs: " + outputs.stream().map(ModelOutput::name).toList()));
        }
        String customerId = s.definition().customerIdAttribute(); // never blank: WorkflowDefinition checks it
        if (chosen.isPresent() && !chosen.get().columns().isEmpty()
                && chosen.get().columns().stream().noneMatch(c -> c.name().equals(customerId))) {
            problems.add(new ValidationProblem("customerIdAttribute", "output '" + chosen.get().name()
                    + "' has no column '" + customerId + "'. Its columns: "
                    + chosen.get().columns().stream().map(ModelField::name).toList()));
        }
        checkParameterName(s, "output.outputDatastoreParameter", o.outputDatastoreParameter(), problems);
        checkParameterName(s, "output.outputPathParameter", o.outputPathParameter(), problems);
    }

    /**
     * Every parameter value names a parameter of the model, and value parameters hold text of their type.
     *
     * @param s the subject
     * @param problems the problems found so far
     */
    public static void parametersExist(ValidationSubject s, List<ValidationProblem> problems) {
        for (Map.Entry<String, String> e : s.definition().parameters().entrySet()) {
            String path = "parameters[" + e.getKey() + "]";
            Optional<ModelParameter> p = s.contract().parameter(e.getKey());
            if (p.isEmpty()) {
                problems.add(new ValidationProblem(path, "the model has no parameter '" + e.getKey()
                        + "'. Its parameters: " + parameterNames(s)));
            } else if (p.get().kind() == ParameterKind.VALUE && !parses(p.get().type(), e.getValue())) {
                problems.add(new ValidationProblem(path, "'" + e.getValue() + "' is not a " + p.get().type()));
            }
        }
    }

    /**
     * Describes a model change that an update must reject.
     *
     * @param saved the saved model
     * @param given the model of the update
     * @return the problem
     */
    public static ValidationProblem modelChanged(ModelReference saved, ModelReference given) {
        return new ValidationProblem("model", "the model of a saved workflow cannot change (saved: "
                + saved.displayString() + ", tenant " + saved.tenantId() + "; given: " + given.displayString()
                + ", tenant " + given.tenantId() + "). Create a new workflow for the other model instead");
    }

    private static void checkParameterName(ValidationSubject s, String path, String name,
            List<ValidationProblem> problems) {
        if (name != null && s.contract().parameter(name).isEmpty()) {
            problems.add(new ValidationProblem(path, "the model has no parameter '" + name + "'. Its parameters: "
                    + parameterNames(s)));
        }
    }

    private static List<String> parameterNames(ValidationSubject s) {
        return s.contract().parameters().stream().map(ModelParameter::name).toList();
    }

    private static boolean parses(DataType type, String value) {
        if (value == null) {
            return false;
        }
        try {
            switch (type) {
                case INTEGER -> Long.parseLong(value.strip());
                case NUMBER -> new BigDecimal(value.strip());
                case BOOLEAN -> {
                    if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
                        return false;
                    }
                }
                case DATE -> LocalDate.parse(value.strip());
                case DATETIME -> OffsetDateTime.parse(value.strip());
                default -> {
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isValidPath(String path) {
        try {
            LakePaths.validate(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String inputPath(String input) {
        return "inputs[" + input + "]";
    }

    static String fieldPath(String input, String field) {
        return inputPath(input) + ".fields[" + field + "]";
    }
}
