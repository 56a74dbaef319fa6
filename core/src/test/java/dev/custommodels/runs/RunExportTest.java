package dev.custommodels.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.InMemoryEntitySource;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.GeneratedCustomers;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataTransfer;
import dev.custommodels.models.DataType;
import dev.custommodels.models.DriftDifference;
import dev.custommodels.models.DriftException;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunRowError;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.TransferDecision;
import dev.custommodels.models.TransferRefusedException;
import dev.custommodels.models.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportTest {
    @TempDir
    Path root;

    @Test
    void rowsThatDoNotConvertGoToTheLedgerAndTheRunGoesOnUnderTheThreshold() {
        RunBed bed = new RunBed(root, EntityCatalog.of(new GeneratedCustomers(1000, 100)));
        Workflow w = bed.churnWorkflow();

        RunResult result = bed.client.beginRun(w.id(), new RunOptions().setMaxRejectedShare(0.02)).getFinalResult();

        assertThat(result.counts().exportedRows()).isEqualTo(990);
        assertThat(result.counts().rejectedRows()).isEqualTo(10);
        assertThat(result.counts().committedRows()).isEqualTo(990);
        assertThat(result.relation().unscoredKeys()).isEqualTo(10);
        assertThat(result.warnings()).anyMatch(s -> s.contains("10 rows could not be converted"));
        List<RunRowError> errors = bed.client.listRunErrors(result.runId()).stream().toList();
        assertThat(errors).hasSize(10);
        assertThat(errors.get(0)).satisfies(e -> {
            assertThat(e.runId()).isEqualTo(result.runId());
            assertThat(e.phase()).isEqualTo(RunPhase.EXPORT);
            assertThat(e.input()).isEqualTo("input1");
            assertThat(e.rowKey()).isEqualTo("c00000099");
            assertThat(e.field()).isEqualTo("tenure");
            assertThat(e.value()).isEqualTo("n/a");
            assertThat(e.reason()).contains("'n/a' is not an integer");
        });
    }

    @Test
    void tooManyRejectedRowsFailTheRunBeforeAnythingIsSubmitted() {
        RunBed bed = new RunBed(root, EntityCatalog.of(new GeneratedCustomers(1000, 50)));
        Workflow w = bed.churnWorkflow();

        assertThatThrownBy(() -> bed.client.beginRun(w.id()).getFinalResult())
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("TooManyRejectedRows");
                    assertThat(e.getPhase()).isEqualTo(RunPhase.EXPORT);
                })
                .hasMessageContaining("20 of 1000 rows (2.00%)").hasMessageContaining("at most 1.00%")
                .hasMessageContaining("listRunErrors");
        assertThat(bed.backend.submissions()).isEmpty();
    }

    @Test
    void rejectedRowCountLimitStopsTheExportEarly() {
        RunBed bed = new RunBed(root, EntityCatalog.of(new GeneratedCustomers(100_000, 10)));
        Workflow w = bed.churnWorkflow();

        assertThatThrownBy(() -> bed.client.beginRun(w.id(), new RunOptions().setMaxRejectedRows(5L)
                .setMaxRejectedShare(1)).getFinalResult())
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("TooManyRejectedRows"))
                .hasMessageContaining("more than 5 rows").hasMessageContaining("stopped at row 60 ");
        String runId = bed.client.listRuns(w.id()).stream().findFirst().orElseThrow().runId();
        assertThat(bed.client.listRunErrors(runId).stream()).hasSize(6);
    }

    @Test
    void exportKeepsOnlyBoundAttributesRenamedAndConvertedWithCsvQuoting() throws Exception {
        EntitySchema customer = new EntitySchema("Customer", List.of(
                Attribute.of("CustomerId", DataType.STRING),
                Attribute.of("TenureMonths", DataType.INTEGER),
                Attribute.of("Charges", DataType.NUMBER),
                Attribute.of("Email", DataType.STRING)), "CustomerId");
        EntitySource source = InMemoryEntitySource.builder(customer)
                .addRow("a,1", 3L, 10.5, "secret@example.com")
                .addRow("b\"2", "12", "7", "x@example.com")
                .addRow("c3", 5L, null, null)
                .build();
        RunBed bed = new RunBed(root, EntityCatalog.of(source));
        Workflow w = bed.churnWorkflow();

        RunResult r = bed.client.beginRun(w.id()).getFinalResult();

        Path staged = bed.lakeDir.resolve("runs/" + w.id() + "/" + r.runId() + "/inputs/input1/part-00000.csv");
        assertThat(Files.readString(staged)).isEqualTo("customerId,tenure,monthlyCharges\n"
                + "\"a,1\",3,10.5\n" + "\"b\"\"2\",12,7\n" + "c3,5,\n").doesNotContain("example.com");
        assertThat(r.counts().committedRows()).isEqualTo(3);
        assertThat(bed.outputs().query("ChurnScores", "customerId eq 'a,1'").stream()).hasSize(1);
    }

    @Test
    void transferPolicySeesTheDestinationAndCanRefuseBeforeAnythingIsSent() {
        AtomicReference<DataTransfer> seen = new AtomicReference<>();
        RunBed bed = new RunBed(root, EntityCatalog.of(new GeneratedCustomers(50, 0)), t -> {
            seen.set(t);
            return "westeurope".equals(t.region()) ? TransferDecision.refuse("EU data stays in northeurope")
                    : TransferDecision.allow();
        });
        Workflow w = bed.churnWorkflow();

        assertThatThrownBy(() -> bed.client.beginRun(w.id()).getFinalResult())
                .isInstanceOfSatisfying(TransferRefusedException.class, e -> {
                    assertThat(e.getReason()).isEqualTo("EU data stays in northeurope");
                    assertThat(e.getTransfer().totalRows()).isEqualTo(50);
                    assertThat(e.getErrorCode()).isEqualTo(TransferRefusedException.CODE);
                })
                .hasMessageContaining("region westeurope").hasMessageContaining("Nothing was sent");
        assertThat(seen.get().model()).isEqualTo(w.model());
        assertThat(seen.get().inputs().get(0).columns()).containsExactly("customerId", "tenure", "monthlyCharges");
        assertThat(bed.backend.submissions()).isEmpty();
        RunRecord record = bed.client.listRuns(w.id()).stream().findFirst().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.transfers()).isEmpty();
        assertThatThrownBy(() -> bed.client.resumeRun(record.runId()).getFinalResult())
                .isInstanceOf(TransferRefusedException.class).hasMessageContaining("northeurope");

        RunResult allowed = bed.client.beginRun(w.id(), new RunOptions()
                .setTransferPolicy(t -> TransferDecision.allow())).getFinalResult();
        assertThat(bed.client.getRun(allowed.runId()).transfers()).singleElement()
                .satisfies(t -> assertThat(t.region()).isEqualTo("westeurope"));
    }

    @Test
    void contractDriftBlocksTheRunListingEachDifference() {
        RunBed bed = new RunBed(root, EntityCatalog.of(new GeneratedCustomers(20, 0)));
        Workflow w = bed.churnWorkflow();
        ServiceContract old = FakeBackend.churnContract();
        List<ModelField> fields = new ArrayList<>(old.inputs().get(0).fields());
        fields.set(1, ModelField.of("tenure", DataType.NUMBER));
        fields.add(ModelField.of("region", DataType.STRING));
        bed.backend.discovery().addService(FakeBackend.WORKSPACE, "churn", "web service", new ServiceContract(
                List.of(ModelInput.of("input1", fields)), old.parameters(), old.outputs()));

        assertThatThrownBy(() -> bed.client.beginRun(w.id()).getFinalResult())
                .isInstanceOfSatisfying(DriftException.class, e -> assertThat(e.getDifferences()).containsExactly(
                        new DriftDifference("contract.inputs[input1].fields[tenure].type", "INTEGER", "NUMBER"),
                        new DriftDifference("contract.inputs[input1].fields[region]", null, "STRING, required")))
                .hasMessageContaining("contract.inputs[input1].fields[tenure].type: INTEGER -> NUMBER")
                .hasMessageContaining("nothing was sent").hasMessageContaining("updateWorkflow");
        assertThat(bed.backend.submissions()).isEmpty();

        RunResult warned = bed.client.beginRun(w.id(), new RunOptions().setDriftPolicy(DriftPolicy.WARN))
                .getFinalResult();
        assertThat(warned.warnings()).contains("Drift: contract.inputs[input1].fields[tenure].type: INTEGER ->"
                + " NUMBER");
        assertThat(bed.client.getRun(warned.runId()).drift()).hasSize(2);
    }

    @Test
    void entitySchemaDriftIsFoundInTheCatalog() {
        MutableSource source = new MutableSource(new GeneratedCustomers(20, 0));
        RunBed bed = new RunBed(root, EntityCatalog.of(source));
        Workflow w = bed.churnWorkflow();
        source.schema = new EntitySchema("Customer", List.of(
                Attribute.of("CustomerId", DataType.STRING),
                Attribute.of("TenureMonths", DataType.STRING),
                Attribute.of("Charges", DataType.NUMBER),
                Attribute.of("Phone", DataType.STRING)), "CustomerId");

        assertThatThrownBy(() -> bed.client.beginRun(w.id()).getFinalResult())
                .isInstanceOfSatisfying(DriftException.class, e -> assertThat(e.getDifferences())
                        .extracting(DriftDifference::toString).containsExactly(
                                "entities[Customer].attributes[TenureMonths].type: INTEGER -> STRING",
                                "entities[Customer].attributes[Email]: STRING -> (absent)",
                                "entities[Customer].attributes[Phone]: (absent) -> STRING"));
    }

    /** An entity whose schema a test changes after the workflow was saved. */
    private static final class MutableSource implements EntitySource {
        private final EntitySource rows;
        volatile EntitySchema schema = SampleEntities.CUSTOMER;

        MutableSource(EntitySource rows) {
            this.rows = rows;
        }

        @Override
        public EntitySchema schema() {
            return schema;
        }

        @Override
        public RowCursor open() {
            return rows.open();
        }
    }
}
