package dev.custommodels.fakes;

import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.InMemoryEntitySource;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.WorkflowDefinition;
import java.util.List;

/** A host's sample entities and a valid workflow definition over the fake backend's churn service. */
public final class SampleEntities {
    /** The Customer entity. */
    public static final EntitySchema CUSTOMER = new EntitySchema("Customer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("TenureMonths", DataType.INTEGER),
            new Attribute("Charges", DataType.NUMBER, "Monthly charges"),
            Attribute.of("Email", DataType.STRING)), "CustomerId");

    /** The Contact entity. */
    public static final EntitySchema CONTACT = new EntitySchema("Contact", List.of(
            Attribute.of("ContactId", DataType.STRING),
            Attribute.of("Phone", DataType.STRING)), "ContactId");

    private SampleEntities() {
    }

    /**
     * Returns a catalog of Customer (two rows) and Contact (none).
     *
     * @return the catalog
     */
    public static EntityCatalog catalog() {
        return EntityCatalog.of(
                InMemoryEntitySource.builder(CUSTOMER).addRow("c1", 12, 50.0, "a@example.com")
                        .addRow("c2", 3, 20.5, null).build(),
                InMemoryEntitySource.builder(CONTACT).build());
    }

    /**
     * Returns the churn model of the fake backend.
     *
     * @param connector the connector name
     * @return the reference
     */
    public static ModelReference churn(String connector) {
        return new ModelReference(connector, FakeBackend.TENANT, FakeBackend.WORKSPACE, "churn", null);
    }

    /**
     * Returns a valid definition binding Customer to the churn model.
     *
     * @param connector the connector name
     * @return the definition
     */
    public static WorkflowDefinition churnWorkflow(String connector) {
        return WorkflowDefinition.of("Churn", churn(connector), List.of(customerBinding(true)),
                OutputSettings.of("ChurnScores"), "customerId");
    }

    /**
     * Binds Customer to input1.
     *
     * @param withCharges whether the optional monthlyCharges field is bound too
     * @return the binding
     */
    public static InputBinding customerBinding(boolean withCharges) {
        List<FieldBinding> fields = withCharges
                ? List.of(FieldBinding.pin("customerId", "CustomerId"), FieldBinding.pin("tenure", "TenureMonths"),
                        new FieldBinding("monthlyCharges", null, "Charges", 0.9, false))
                : List.of(FieldBinding.pin("customerId", "CustomerId"), FieldBinding.pin("tenure", "TenureMonths"));
        return new InputBinding("input1", "Customer", fields);
    }
}
