package dev.custommodels.examples;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.mapping.FieldMapping;
import dev.custommodels.mapping.MappingEngine;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingOptions;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowValidationException;
import dev.custommodels.output.OutputQueryOptions;
import dev.custommodels.output.OutputRow;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The quickstart: the whole product on embedded defaults, with no Azure account. Emulated Azure ML services
 * serve over loopback HTTP, the lake is a local directory, and the host's entities are 50,000 generated
 * customers and their purchases.
 *
 * <p>It discovers the workspaces and services (an unusable pipeline is shown with its reason), proposes the
 * mapping of the model's fields to the Customer entity with explanations, shows the error for the field nothing
 * fits and pins it by hand, saves the workflow, runs it with a progress bar, prints the run's figures, queries
 * the results by Customer ID and writes an HTML report next to the output.
 *
 * <p>Run: {@code java -jar examples/target/custom-models-quickstart.jar [output-directory]}; with
 * {@code --azure} the same steps run against real Azure (see {@link AzureSettings}).
 */
public final class Quickstart {
    static final long CUSTOMERS = 50_000;
    private final PrintStream out;
    private MappingProposal finalMapping;

    Quickstart(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the quickstart.
     *
     * @param args an optional output directory (default {@code quickstart-output}), or {@code --azure}
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--azure")) {
            AzureQuickstart.run(System.out);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "quickstart-output").toAbsolutePath();
        new Quickstart(System.out).run(dir);
        System.exit(0); // the loopback HTTP client keeps non-daemon threads
    }

    /**
     * Runs every step against emulators in a fresh directory.
     *
     * @param dir the output directory; its previous content is replaced
     * @return what the run produced
     * @throws Exception when a step fails
     */
    QuickstartResult run(Path dir) throws Exception {
        QuickstartFiles.clean(dir);
        EntityCatalog catalog = EntityCatalog.of(SampleEntities.customers(CUSTOMERS),
                SampleEntities.purchases(CUSTOMERS));
        try (CustomModelsTestEnvironment env = CustomModelsTestEnvironment.builder().loopback(true)
                .directory(dir).backend(new ChurnPipelineBackend()).backend(new OtherBackends.BatchEndpoints())
                .build();
                Emulator studio = OtherBackends.studioClassic(CustomModelsTestEnvironment.TENANT_ID)) {
            CustomModelsClient client = env.clientBuilder().entityCatalog(catalog)
                    .option("studio-classic.armEndpoint", studio.baseUrl())
                    .option("studio-classic.managementEndpoint", studio.baseUrl()).buildClient();
            heading("1. Discover workspaces and services (emulated Azure ML at " + env.baseUrl() + ")");
            discover(client, env.tenantId());
            ModelReference model = env.model(ChurnPipelineBackend.ENDPOINT);
            ServiceContract contract = client.describeService(model);
            heading("2. Propose the mapping of pipeline endpoint '" + ChurnPipelineBackend.ENDPOINT
                    + "' onto the host's entities");
            MappingEngine engine = new MappingEngineBuilder().buildEngine();
            ModelInput input = contract.inputs().get(0);
            MappingProposal proposal = engine.propose(input, catalog);
            MappingTable.print(out, proposal);
            heading("3. Save the workflow");
            Workflow workflow = save(client, engine, model, input, catalog, proposal);
            heading("4. Run it");
            RunResult result = runWithProgress(client, workflow);
            printFigures(result);
            heading("5. Query the results");
            String customerId = SampleEntities.customerId(42);
            String filter = "CustomerId eq '" + customerId + "'";
            List<OutputRow> rows = client.getOutputEntityClient()
                    .query(workflow.definition().output().entityName(), new OutputQueryOptions().setFilter(filter))
                    .stream().toList();
            out.println("  $filter=" + filter);
            rows.forEach(r -> out.println("  " + r.toMap()));
            Path report = QuickstartFiles.writeReport(dir, client, workflow, finalMapping, result);
            heading("6. Report");
            out.println("  " + report.toUri());
            return new QuickstartResult(workflow, result, rows, report);
        }
    }

    private void discover(CustomModelsClient client, String tenantId) {
        for (String connector : client.listConnectors()) {
            List<WorkspaceInfo> workspaces;
            try {
                workspaces = client.listWorkspaces(connector, tenantId).stream().toList();
            } catch (RuntimeException e) {
                out.println("  " + connector + ": not reachable here (" + e.getMessage().lines().findFirst()
                        .orElse("") + ")");
                continue;
            }
            for (WorkspaceInfo ws : workspaces) {
                out.println("  [" + ws.group() + "] " + ws.name() + " (" + connector + ", " + ws.region() + ")");
                for (ServiceInfo s : client.listServices(connector, tenantId, ws.id()).stream().toList()) {
                    out.println("      " + (s.isEligible() ? "+ " : "- ") + s.name() + "  <" + s.kind() + ">"
                            + (s.isEligible() ? "" : "  cannot be used: " + s.ineligibleReason()));
                }
            }
        }
    }

    private Workflow save(CustomModelsClient client, MappingEngine engine, ModelReference model, ModelInput input,
            EntityCatalog catalog, MappingProposal proposal) {
        WorkflowDefinition definition = WorkflowDefinition.of("Customer churn", model,
                List.of(proposal.toInputBinding()), new OutputSettings("ChurnScores", null, "output_datastore",
                        "output_path"), ChurnPipelineBackend.ID_COLUMN);
        try {
            client.createWorkflow(definition);
            throw new IllegalStateException("The quickstart expected the unmapped field to be refused.");
        } catch (WorkflowValidationException e) {
            out.println("  Saving with the proposal as it is fails, as it should:");
            e.getMessage().lines().forEach(l -> out.println("    " + l));
        }
        String unmapped = proposal.fields().stream().filter(f -> !f.hasTarget()).map(FieldMapping::field)
                .findFirst().orElseThrow();
        out.println("  The data scientist says '" + unmapped + "' is the customer's country: pin it by hand.");
        MappingProposal pinned = engine.propose(input, catalog.schemas(),
                new MappingOptions().pin(unmapped, "Customer.Country"));
        MappingTable.print(out, pinned);
        finalMapping = pinned;
        Workflow workflow = client.createWorkflow(definition.withInputs(List.of(pinned.toInputBinding())));
        out.println("  Saved workflow " + workflow.id() + " '" + workflow.displayName() + "' (ETag "
                + workflow.etag() + ")");
        out.println("    model:  " + workflow.model().displayString());
        workflow.definition().inputs().forEach(b -> out.println("    input:  " + b.input() + " <- " + b.entity()
                + " (" + b.fields().size() + " fields, " + b.fields().stream().filter(f -> f.pinned()).count()
                + " pinned)"));
        out.println("    output: entity " + workflow.definition().output().entityName() + ", Customer ID column "
                + workflow.definition().customerIdAttribute());
        return workflow;
    }

    private RunResult runWithProgress(CustomModelsClient client, Workflow workflow) {
        SyncPoller<RunProgress, RunResult> poller = client.beginRun(workflow.id());
        ConsoleProgress progress = new ConsoleProgress(out, CUSTOMERS);
        PollResponse<RunProgress> response = poller.poll();
        while (!response.getStatus().isComplete()) {
            progress.show(response.getValue());
            response = poller.poll();
        }
        progress.finish();
        if (response.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            throw new IllegalStateException("The run ended " + response.getStatus() + ".");
        }
        return poller.getFinalResult();
    }

    private void printFigures(RunResult r) {
        out.printf("  rows sent      %,d (rejected %,d)%n", r.counts().exportedRows(), r.counts().rejectedRows());
        out.printf("  rows scored    %,d%n", r.counts().resultRows());
        if (r.relation() != null) {
            out.printf("  rows related   %,d of %,d Customer IDs (match rate %.1f%%)%n", r.relation().matchedIds(),
                    r.relation().distinctIds(), r.relation().matchRate() * 100);
            out.printf("  unknown IDs    %,d, duplicate IDs %,d%n", r.relation().unknownIds(),
                    r.relation().duplicateIds());
        }
        out.printf("  committed      %,d rows as version %d of %s in %s%n", r.counts().committedRows(),
                r.outputGeneration(), r.outputEntity(), r.duration());
    }

    private void heading(String text) {
        out.println();
        out.println(text);
    }
}
