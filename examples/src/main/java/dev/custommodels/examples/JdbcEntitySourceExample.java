package dev.custommodels.examples;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.JdbcEntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.testkit.junit.AmlPipelineBackend;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the host's customers from a SQL database with {@link JdbcEntitySource} and binds them to a pipeline in a
 * workflow. The database is an embedded H2 database that the example creates and fills ({@link CrmDatabase}).
 */
public final class JdbcEntitySourceExample {
    /** The entity the query produces; the query's column labels name its attributes. */
    static final EntitySchema CRM_CUSTOMER = new EntitySchema("CrmCustomer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Email", DataType.STRING),
            Attribute.of("CustomerSince", DataType.DATE),
            Attribute.of("IsMember", DataType.BOOLEAN),
            Attribute.of("MembershipLevel", DataType.STRING),
            Attribute.of("YearlyIncome", DataType.NUMBER),
            Attribute.of("TotalSpend", DataType.NUMBER),
            Attribute.of("NumberOfChildren", DataType.INTEGER)), "CustomerId");

    private JdbcEntitySourceExample() {
    }

    /**
     * Runs the example against emulated Azure.
     *
     * @param args not used
     * @throws SQLException if the embedded database fails
     */
    public static void main(String[] args) throws SQLException {
        try (CustomModelsTestEnvironment azure = CustomModelsTestEnvironment.builder().build()) {
            run(azure, "jdbc:h2:mem:crm", 2_000, System.out);
        }
    }

    /**
     * Runs the example.
     *
     * @param azure the emulated Azure
     * @param jdbcUrl the URL of a new, empty H2 database
     * @param customers how many customers to put in it
     * @param out where to print
     * @return the saved workflow
     * @throws SQLException if the database fails
     */
    public static Workflow run(CustomModelsTestEnvironment azure, String jdbcUrl, int customers, PrintStream out)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) { // keeps the in-memory database alive
            CrmDatabase.createAndFill(db, customers);

            // Each cursor takes a connection, streams the query forward-only, and closes the connection.
            JdbcEntitySource crm = JdbcEntitySource.of(CRM_CUSTOMER, () -> DriverManager.getConnection(jdbcUrl),
                    "SELECT id AS CustomerId, email AS Email, signup_date AS CustomerSince, is_member AS IsMember,"
                            + " tier AS MembershipLevel, yearly_income AS YearlyIncome, total_spend AS TotalSpend,"
                            + " children AS NumberOfChildren FROM crm_customer ORDER BY id").withFetchSize(500);
            EntityCatalog catalog = EntityCatalog.of(crm);
            catalog.schemas().forEach(s -> out.println("Entity " + s.name() + " " + s.attributeNames()));
            long count = 0;
            try (RowCursor rows = crm.open()) {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    if (count++ < 2) {
                        out.println("  " + row);
                    }
                }
            }
            out.println("Streamed " + count + " rows");

            // Bind the SQL entity to the pipeline's input and save the workflow.
            CustomModelsClient client = azure.clientBuilder().entityCatalog(catalog).buildClient();
            InputBinding binding = new InputBinding("input_data", "CrmCustomer", List.of(
                    FieldBinding.pin("CustomerId", "CustomerId"),
                    FieldBinding.pin("SignupDate", "CustomerSince"),
                    FieldBinding.pin("IsMember", "IsMember"),
                    FieldBinding.pin("LoyaltyTier", "MembershipLevel"),
                    FieldBinding.pin("AnnualIncome", "YearlyIncome"),
                    FieldBinding.pin("TotalSpend", "TotalSpend"),
                    FieldBinding.pin("Children", "NumberOfChildren")));
            Workflow workflow = client.createWorkflow(WorkflowDefinition.of("Churn risk (CRM)",
                    azure.model(AmlPipelineBackend.SCORING_ENDPOINT), List.of(binding),
                    new OutputSettings("CrmChurnRisk", null, "output_datastore", "output_path"), "CustomerId"));
            out.printf("Saved workflow '%s' bound to entity %s%n", workflow.displayName(),
                    workflow.definition().inputs().get(0).entity());
            return workflow;
        }
    }
}
