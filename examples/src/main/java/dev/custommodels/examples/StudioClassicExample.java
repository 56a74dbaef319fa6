package dev.custommodels.examples;

import com.azure.core.http.HttpClient;
import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.output.OutputRow;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.blob.SignedBlobEndpoint;
import dev.custommodels.testkit.emulator.studio.StudioClassicEmulator;
import dev.custommodels.testkit.emulator.studio.StudioColumn;
import dev.custommodels.testkit.emulator.studio.StudioModel;
import dev.custommodels.testkit.emulator.studio.StudioServiceSpec;
import dev.custommodels.testkit.emulator.studio.StudioWorkspace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Studio (classic) web service scored both ways through the public client: request-response (option
 * {@code studio-classic.mode} = {@code rrs}: the client sends the rows in chunks) and batch execution
 * ({@code bes}: the connector stages the rows in a storage container, hands the service signed URLs, and reads the
 * job's output back). Each mode gets a workflow that is created, run and queried by Customer ID.
 *
 * <p>Everything runs on loopback against one emulator that serves classic ARM, the web service's management and
 * scoring APIs, and a Blob endpoint for the BES staging container. Against Azure, set the same options with the
 * real staging account and leave {@code studio-classic.armEndpoint} and {@code studio-classic.managementEndpoint}
 * at their defaults.
 *
 * <p>Run: {@code java -cp examples/target/custom-models-quickstart.jar
 * dev.custommodels.examples.StudioClassicExample [lake-directory]}.
 */
public final class StudioClassicExample {
    static final String TENANT = "3f2a8b1c-6d4e-4f7a-9b0c-1e2d3c4b5a69";
    static final String SERVICE = "Churn (classic)";
    static final String STAGING_ACCOUNT = "stagingacct";
    static final String STAGING_CONTAINER = "bes-staging";
    static final long CUSTOMERS = 2_500;
    private final PrintStream out;

    StudioClassicExample(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * What the example produced.
     *
     * @param rrs the request-response run
     * @param bes the batch execution run
     * @param rrsRows the request-response output's rows for the looked-up customer
     * @param besRows the batch output's rows for the looked-up customer
     * @param scoringCalls how many request-response scoring calls the service received
     * @param batchJobs how many batch jobs the service received
     */
    record Result(RunResult rrs, RunResult bes, List<OutputRow> rrsRows, List<OutputRow> besRows,
            long scoringCalls, long batchJobs) {
        Result {
            Objects.requireNonNull(rrs, "rrs");
            Objects.requireNonNull(bes, "bes");
            rrsRows = List.copyOf(rrsRows);
            besRows = List.copyOf(besRows);
        }
    }

    /**
     * Runs the example.
     *
     * @param args an optional lake directory (default {@code studio-classic-output})
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "studio-classic-output").toAbsolutePath();
        new StudioClassicExample(System.out).run(dir, Duration.ofMillis(200));
        System.exit(0); // the loopback HTTP client keeps non-daemon threads
    }

    /**
     * Scores the customers with the web service in both modes.
     *
     * @param dir an empty or new directory for the lake and the staging container
     * @param pollInterval how often the client polls the batch job (the emulator answers at once; against Azure
     *     keep the default of {@link CustomModelsClientBuilder#DEFAULT_POLL_INTERVAL})
     * @return the runs and the looked-up rows
     * @throws Exception when a step fails
     */
    Result run(Path dir, Duration pollInterval) throws Exception {
        StudioClassicEmulator studio = new StudioClassicEmulator().subscription(TENANT, "classic-subscription");
        StudioWorkspace ws = studio.addWorkspace("classic-subscription", "rg-studio", "studio-churn",
                "southcentralus");
        studio.addWebService(ws, StudioServiceSpec.builder(SERVICE)
                .input("input1", StudioColumn.string("CustomerId"), StudioColumn.number("TotalSpend"))
                .output("output1", StudioColumn.string("CustomerId"), StudioColumn.number("Scored Probabilities"))
                .model(StudioModel.logistic(Map.of("TotalSpend", -0.0004), 0.8)).build());
        SignedBlobEndpoint blobs = new SignedBlobEndpoint();
        blobs.container(STAGING_ACCOUNT, STAGING_CONTAINER,
                new LocalLakeStore(Files.createDirectories(dir.resolve("staging"))));
        EntityCatalog catalog = EntityCatalog.of(SampleEntities.customers(CUSTOMERS));
        try (Emulator emulator = Emulator.builder().service(studio).service(blobs).build().start()) {
            HttpClient http = HttpClient.createDefault(); // Netty, from azure-core-http-netty
            CustomModelsClientBuilder builder = new CustomModelsClientBuilder()
                    .lakeDirectory(Files.createDirectories(dir.resolve("lake"))).entityCatalog(catalog)
                    .httpClient(http).pollInterval(pollInterval).credential(TENANT, new FakeTokenCredential(TENANT))
                    .datastoreResolver((location, tenant) -> blobs.store(location.accountName(),
                            location.container()))
                    .option("studio-classic.armEndpoint", emulator.baseUrl())
                    .option("studio-classic.managementEndpoint", emulator.baseUrl())
                    .option("studio-classic.bes.stagingAccount", STAGING_ACCOUNT)
                    .option("studio-classic.bes.stagingEndpoint", blobs.endpointUrl(STAGING_ACCOUNT))
                    .option("studio-classic.bes.stagingContainer", STAGING_CONTAINER);
            String customerId = SampleEntities.customerId(1234);

            heading("1. Request-response (studio-classic.mode = rrs)");
            CustomModelsClient rrsClient = builder.option("studio-classic.mode", "rrs").buildClient();
            ModelReference model = find(rrsClient);
            RunResult rrs = score(rrsClient, model, "Classic churn (RRS)", "ClassicChurnRrs");
            List<OutputRow> rrsRows = lookUp(rrsClient, "ClassicChurnRrs", customerId);
            long scoringCalls = emulator.count("POST", ".*/execute");
            out.printf("  scoring calls  %,d%n", scoringCalls);

            heading("2. Batch execution (studio-classic.mode = bes)");
            CustomModelsClient besClient = builder.option("studio-classic.mode", "bes").buildClient();
            RunResult bes = score(besClient, model, "Classic churn (BES)", "ClassicChurnBes");
            List<OutputRow> besRows = lookUp(besClient, "ClassicChurnBes", customerId);
            long batchJobs = emulator.count("POST", ".*/jobs");
            out.printf("  batch jobs     %,d (scoring calls still %,d)%n", batchJobs,
                    emulator.count("POST", ".*/execute"));
            return new Result(rrs, bes, rrsRows, besRows, scoringCalls, batchJobs);
        }
    }

    private ModelReference find(CustomModelsClient client) {
        for (WorkspaceInfo ws : client.listWorkspaces("studio-classic", TENANT)) {
            for (ServiceInfo s : client.listServices("studio-classic", TENANT, ws.id())) {
                if (s.name().equals(SERVICE)) {
                    out.println("  Found web service '" + s.name() + "' in workspace " + ws.name() + " ("
                            + ws.region() + ")");
                    return s.model();
                }
            }
        }
        throw new IllegalStateException("No Studio (classic) web service named '" + SERVICE + "' in tenant "
                + TENANT + ".");
    }

    private RunResult score(CustomModelsClient client, ModelReference model, String name, String entity) {
        Workflow workflow = client.createWorkflow(WorkflowDefinition.of(name, model,
                List.of(new InputBinding("input1", "Customer", List.of(FieldBinding.pin("CustomerId", "CustomerId"),
                        FieldBinding.pin("TotalSpend", "TotalSpend")))),
                OutputSettings.of(entity), "CustomerId"));
        out.println("  Saved workflow " + workflow.id() + " '" + workflow.displayName() + "' -> " + entity);
        RunResult result = client.beginRun(workflow.id()).getFinalResult();
        out.printf("  rows sent      %,d%n", result.counts().exportedRows());
        out.printf("  rows scored    %,d%n", result.counts().resultRows());
        out.printf("  committed      %,d rows as version %d of %s%n", result.counts().committedRows(),
                result.outputGeneration(), result.outputEntity());
        return result;
    }

    private List<OutputRow> lookUp(CustomModelsClient client, String entity, String customerId) {
        String filter = "CustomerId eq '" + customerId + "'";
        List<OutputRow> rows = client.getOutputEntityClient().query(entity, filter).stream().toList();
        out.println("  $filter=" + filter);
        rows.forEach(r -> out.println("  " + r.toMap()));
        return rows;
    }

    private void heading(String text) {
        out.println();
        out.println(text);
    }
}
