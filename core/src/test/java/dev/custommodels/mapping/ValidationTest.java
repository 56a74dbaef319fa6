package dev.custommodels.mapping;

import static dev.custommodels.mapping.Fixtures.ACCOUNT;
import static dev.custommodels.mapping.Fixtures.CONTACT;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.models.WorkflowValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private final MappingEngine engine = Fixtures.engine();
    private final ModelInput input1 = ModelInput.of("input1", List.of(
            ModelField.of("FirstName", STRING),
            ModelField.of("tenure", INTEGER),
            ModelField.of("Age", INTEGER),
            new ModelField("Nickname", STRING, null, false)));
    private final ServiceContract contract = new ServiceContract(List.of(input1), List.of(), List.of());

    private static Map<String, String> byPath(List<ValidationProblem> problems) {
        return problems.stream().collect(java.util.stream.Collectors.toMap(ValidationProblem::path,
                ValidationProblem::message));
    }

    @Test
    void validBindingsHaveNoProblems() {
        InputBinding b = new InputBinding("input1", "Contact", List.of(FieldBinding.pin("FirstName", "firstName"),
                FieldBinding.pin("tenure", "numberOfChildren"), FieldBinding.pin("Age", "numberOfChildren")));
        assertThat(engine.validate(contract, List.of(b), List.of(CONTACT))).isEmpty();
    }

    @Test
    void everyUnboundRequiredFieldIsReportedWithItsNearMisses() {
        InputBinding b = new InputBinding("input1", "Contact", List.of(FieldBinding.pin("FirstName", "firstName")));
        Map<String, String> problems = byPath(engine.validate(contract, List.of(b), List.of(CONTACT)));
        assertThat(problems).containsOnlyKeys("inputs[input1].fields[tenure]", "inputs[input1].fields[Age]");
        assertThat(problems.get("inputs[input1].fields[Age]"))
                .startsWith("Required field 'Age' (integer) is not bound to any attribute.")
                .contains("Near misses: Contact.birthDate")
                .contains("a derivation, not a mapping")
                .contains("a datetime never feeds an integer field")
                .endsWith("Bind it by hand, or change the model.");
        assertThat(problems.get("inputs[input1].fields[tenure]")).contains("Contact.createdOn")
                .contains("derivation");
    }

    @Test
    void aBindingWhoseTypesNeverConvertIsVetoed() {
        InputBinding b = new InputBinding("input1", "Contact", List.of(FieldBinding.pin("FirstName", "firstName"),
                FieldBinding.pin("tenure", "numberOfChildren"), FieldBinding.pin("Age", "birthDate")));
        List<ValidationProblem> problems = engine.validate(contract, List.of(b), List.of(CONTACT));
        assertThat(problems).containsExactly(new ValidationProblem("inputs[input1].fields[Age]",
                "Attribute 'Contact.birthDate' (datetime) cannot feed field 'Age' (integer): a datetime never feeds "
                        + "an integer field (dates are not numbers). Bind an attribute of a compatible type."));
    }

    @Test
    void aTextKeyMayFeedANumericKey() {
        ModelInput keyed = ModelInput.of("input1", List.of(ModelField.of("CustomerKey", INTEGER)));
        InputBinding b = new InputBinding("input1", "Contact", List.of(FieldBinding.pin("CustomerKey",
                "contactId")));
        assertThat(engine.validate(new ServiceContract(List.of(keyed), List.of(), List.of()), List.of(b),
                List.of(CONTACT))).isEmpty();
    }

    @Test
    void bindingsNamingWhatDoesNotExistAreReported() {
        InputBinding b = new InputBinding("input1", "Contact", List.of(FieldBinding.pin("FirstName", "givenName"),
                FieldBinding.pin("tenure", "numberOfChildren"), FieldBinding.pin("Age", "numberOfChildren"),
                FieldBinding.pin("Shoe", "numberOfChildren"),
                new FieldBinding("Nickname", "Lead", "name", 1, true)));
        InputBinding stray = new InputBinding("input9", "Contact", List.of());
        Map<String, String> problems = byPath(engine.validate(contract, List.of(b, stray), List.of(CONTACT)));
        assertThat(problems.get("inputs[input1].fields[FirstName]"))
                .startsWith("Entity 'Contact' has no attribute 'givenName'. Attributes: [contactId, firstName");
        assertThat(problems.get("inputs[input1].fields[Shoe]")).startsWith("The input has no field 'Shoe'.");
        assertThat(problems.get("inputs[input1].fields[Nickname]")).startsWith("The catalog has no entity 'Lead'");
        assertThat(problems.get("inputs[input9]")).startsWith("The model has no input 'input9'. Inputs: [input1].");
    }

    @Test
    void anUnboundInputAndAnUnknownEntityAreReported() {
        Map<String, String> none = byPath(engine.validate(contract, List.of(), List.of(CONTACT)));
        assertThat(none.get("inputs[input1]")).contains("is not bound to an entity");
        assertThat(none).containsKeys("inputs[input1].fields[tenure]", "inputs[input1].fields[FirstName]");
        assertThat(none.get("inputs[input1].fields[FirstName]")).contains("Suggested: Contact.firstName (MAPPED");
        InputBinding b = new InputBinding("input1", "Lead", List.of());
        assertThat(byPath(engine.validate(contract, List.of(b), List.of(CONTACT, ACCOUNT))).get(
                "inputs[input1].entity")).isEqualTo("The catalog has no entity 'Lead'. Entities: [Contact, Account].");
    }

    @Test
    void theProblemsFeedAWorkflowValidationException() {
        EntityCatalog catalog = EntityCatalog.of(source(CONTACT));
        List<ValidationProblem> problems = engine.validate(contract, List.of(), catalog);
        WorkflowValidationException e = new WorkflowValidationException("Workflow 'Churn'", problems);
        assertThat(e.getMessage()).contains("inputs[input1].fields[tenure]: Required field 'tenure'");
        assertThat(e.getProblems()).hasSize(problems.size());
    }

    @Test
    void anEmptyCatalogIsOneProblem() {
        assertThat(engine.validate(contract, List.of(), List.of())).extracting(ValidationProblem::path)
                .containsExactly("catalog");
    }

    private static EntitySource source(EntitySchema schema) {
        return new EntitySource() {
            @Override
            public EntitySchema schema() {
                return schema;
            }

            @Override
            public RowCursor open() {
                throw new UnsupportedOperationException("schemas only");
            }
        };
    }
}
