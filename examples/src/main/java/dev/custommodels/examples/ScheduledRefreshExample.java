package dev.custommodels.examples;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingOptions;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RefreshListener;
import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshSchedule;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.ScheduledRefresh;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowRefreshResult;
import dev.custommodels.output.OutputRow;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Scheduled refresh of two dependent workflows. Workflow A ("Customer churn") binds the Customer entity to the
 * {@code customer-churn} pipeline endpoint and writes the output entity {@code ChurnScores}. Workflow B
 * ("Retention offers") reads {@code ChurnScores} as an input entity, through
 * {@code client.getOutputEntityClient().asEntitySource("ChurnScores")} in the host's catalog, and writes
 * {@code RetentionOffers}. A fixed-interval schedule then refreshes both; each refresh runs A before B because B
 * reads what A writes. The example waits for two scheduled refreshes, closes the schedule and looks up one
 * customer's offer.
 *
 * <p>It runs against the emulated Azure of the testkit, served over loopback.
 */
public final class ScheduledRefreshExample {
    static final long CUSTOMERS = 2_000;
    static final String CHURN_SCORES = "ChurnScores";
    static final String RETENTION_OFFERS = "RetentionOffers";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private ScheduledRefreshExample() {
    }

    /**
     * Runs the example against emulated Azure.
     *
     * @param args an optional working directory (default: a new temporary directory)
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("scheduled-refresh");
        run(dir, Duration.ofMillis(200), 2, System.out);
        System.exit(0); // the loopback HTTP client keeps non-daemon threads
    }

    /**
     * Runs the example.
     *
     * @param dir the working directory of the emulated Azure (its lake and datastore)
     * @param interval the schedule's interval
     * @param refreshes how many scheduled refreshes to wait for, at least 1
     * @param out where to print
     * @return what the example produced
     * @throws InterruptedException if interrupted while waiting for the schedule
     * @throws IllegalStateException if the scheduled refreshes do not complete within two minutes
     */
    public static ScheduledRefreshResult run(Path dir, Duration interval, int refreshes, PrintStream out)
            throws InterruptedException {
        if (refreshes < 1) {
            throw new IllegalArgumentException("Wait for at least one refresh; got " + refreshes + ".");
        }
        // The host's catalog: its Customer entity, plus ChurnScores once the client that writes it exists.
        List<EntitySource> entities = new CopyOnWriteArrayList<>(List.of(SampleEntities.customers(CUSTOMERS)));
        EntityCatalog catalog = () -> List.copyOf(entities);
        try (CustomModelsTestEnvironment env = CustomModelsTestEnvironment.builder().loopback(true).directory(dir)
                .backend(new RefreshPipelinesBackend()).build()) {
            CustomModelsClient client = env.clientBuilder().entityCatalog(catalog).buildClient();
            // Not available (and left out of catalog.schemas()) until workflow A's first run commits.
            entities.add(client.getOutputEntityClient().asEntitySource(CHURN_SCORES));

            Workflow churn = createChurnWorkflow(client, env.model(RefreshPipelinesBackend.CHURN_ENDPOINT), catalog);
            out.println("Saved workflow A '" + churn.displayName() + "' -> " + CHURN_SCORES);
            client.beginRun(churn.id()).getFinalResult(); // B binds ChurnScores, so it must have a version
            out.println(CHURN_SCORES + " is available now: " + catalog.get(CHURN_SCORES).isAvailable());
            Workflow offers = createOffersWorkflow(client, env.model(RefreshPipelinesBackend.OFFERS_ENDPOINT));
            out.println("Saved workflow B '" + offers.displayName() + "' " + CHURN_SCORES + " -> "
                    + RETENTION_OFFERS);

            Recorder recorder = new Recorder(refreshes, Map.of(churn.id(), churn.displayName(), offers.id(),
                    offers.displayName()), out);
            try (ScheduledRefresh schedule = client.scheduleRefresh(RefreshSchedule.fixedInterval(interval),
                    new RefreshOptions(), recorder)) {
                out.println("Scheduled: " + schedule.getSchedule());
                if (!recorder.done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("Only " + recorder.completed().size() + " of " + refreshes
                            + " scheduled refreshes completed within " + WAIT + "; failures: "
                            + recorder.failures() + ".");
                }
                schedule.close();
                if (!schedule.awaitTermination(WAIT)) {
                    throw new IllegalStateException("The schedule did not stop within " + WAIT + ".");
                }
                out.println("Schedule closed.");
            }

            Map<String, List<RunRecord>> runs = new LinkedHashMap<>();
            for (Workflow w : List.of(churn, offers)) {
                runs.put(w.id(), client.listRuns(w.id()).stream().toList());
                out.println("Runs of '" + w.displayName() + "': " + runs.get(w.id()).stream()
                        .map(r -> r.trigger() + " " + r.status()).toList());
            }
            String customerId = SampleEntities.customerId(42);
            String filter = "CustomerId eq '" + customerId + "'";
            OutputRow churnRow = client.getOutputEntityClient().query(CHURN_SCORES, filter).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException(CHURN_SCORES + " has no row for " + customerId));
            OutputRow offerRow = client.getOutputEntityClient().query(RETENTION_OFFERS, filter).stream()
                    .findFirst().orElseThrow(() -> new IllegalStateException(RETENTION_OFFERS + " has no row for "
                            + customerId));
            out.println(CHURN_SCORES + "     " + churnRow.toMap());
            out.println(RETENTION_OFFERS + " " + offerRow.toMap());
            List<RefreshResult> done = recorder.completed();
            return new ScheduledRefreshResult(churn, offers, done.subList(0, refreshes),
                    recorder.order().subList(0, refreshes), runs, churnRow, offerRow);
        }
    }

    private static Workflow createChurnWorkflow(CustomModelsClient client, ModelReference model,
            EntityCatalog catalog) {
        InputBinding customers = new MappingEngineBuilder().buildEngine()
                .propose(client.describeService(model).inputs().get(0), catalog.schemas(),
                        new MappingOptions().pin("region", "Customer.Country"))
                .toInputBinding();
        return client.createWorkflow(WorkflowDefinition.of("Customer churn", model, List.of(customers),
                new OutputSettings(CHURN_SCORES, null, "output_datastore", "output_path"),
                ChurnPipelineBackend.ID_COLUMN));
    }

    private static Workflow createOffersWorkflow(CustomModelsClient client, ModelReference model) {
        String input = client.describeService(model).inputs().get(0).name();
        InputBinding churnScores = new InputBinding(input, CHURN_SCORES, List.of(
                FieldBinding.pin("CustomerId", "CustomerId"),
                FieldBinding.pin("ChurnScore", "ChurnScore"),
                FieldBinding.pin("WillChurn", "WillChurn")));
        return client.createWorkflow(WorkflowDefinition.of("Retention offers", model, List.of(churnScores),
                new OutputSettings(RETENTION_OFFERS, null, "output_datastore", "output_path"),
                ChurnPipelineBackend.ID_COLUMN));
    }

    /** Records what the schedule reports and releases a latch once enough refreshes completed. */
    private static final class Recorder implements RefreshListener {
        private final CountDownLatch done;
        private final Map<String, String> names;
        private final PrintStream out;
        private final List<RefreshResult> completed = new ArrayList<>();
        private final List<List<String>> order = new ArrayList<>();
        private List<String> current = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        Recorder(int refreshes, Map<String, String> names, PrintStream out) {
            this.done = new CountDownLatch(refreshes);
            this.names = names;
            this.out = out;
        }

        @Override
        public synchronized void onRefreshStarted(OffsetDateTime dueAt) {
            current = new ArrayList<>();
            out.println("Refresh due at " + dueAt + " started");
        }

        @Override
        public synchronized void onWorkflowCompleted(WorkflowRefreshResult workflow) {
            current.add(workflow.displayName());
            out.println("  " + workflow.displayName() + ": " + workflow.status() + " (run " + workflow.runId()
                    + (workflow.dependsOn().isEmpty() ? "" : ", after " + workflow.dependsOn().stream()
                    .map(id -> "'" + names.getOrDefault(id, id) + "'").toList()) + ")");
        }

        @Override
        public synchronized void onRefreshCompleted(RefreshResult result) {
            completed.add(result);
            order.add(List.copyOf(current));
            out.println("Refresh completed: " + (result.isSuccessful() ? "all succeeded" : "not all succeeded"));
            done.countDown();
        }

        @Override
        public synchronized void onRefreshFailed(OffsetDateTime dueAt, RuntimeException error) {
            failures.add(dueAt + ": " + error.getMessage());
        }

        @Override
        public synchronized void onRefreshesSkipped(OffsetDateTime firstDueAt, long count, String reason) {
            out.println("Skipped " + count + " due refresh(es) from " + firstDueAt + ": " + reason);
        }

        synchronized List<RefreshResult> completed() {
            return List.copyOf(completed);
        }

        synchronized List<List<String>> order() {
            return List.copyOf(order);
        }

        synchronized List<String> failures() {
            return List.copyOf(failures);
        }
    }
}
