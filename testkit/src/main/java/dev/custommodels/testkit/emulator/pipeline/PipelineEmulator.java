package dev.custommodels.testkit.emulator.pipeline;

import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.Routes;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Emulates Azure Machine Learning v1 pipeline endpoints and run history for the workspaces of an
 * {@link ArmEmulator}. Host both in one {@link Emulator}:
 *
 * <pre>{@code
 * ArmEmulator arm = new ArmEmulator().subscription("sub-1", "Contoso", "tenant-a");
 * EmulatedWorkspace ws = arm.workspace("sub-1", "rg", "ml-ws", "eastus");
 * arm.datastore(ws.id(), "workspaceblobstore", "sa1", "azureml-blobstore", blobStore);
 * PipelineEmulator pipelines = new PipelineEmulator(arm);
 * String endpointId = pipelines.publishEndpoint(ws, "churn-endpoint",
 *         PipelineDefinition.batchScoring("churn", PipelineModel.churn("CustomerId")));
 * Emulator emulator = Emulator.builder().service(arm).service(pipelines).build();
 * }</pre>
 *
 * <p>A run advances one state on each run-history GET ({@code NotStarted, Queued, Preparing, Running,
 * Finalizing, Completed}); between {@code Running} and {@code Finalizing} it scores its first data input with the
 * pipeline's {@link PipelineModel} and writes {@code scores.csv} under the output path in the output datastore.
 * Faults for the next runs are queued with {@link #nextRun(RunFault)}. Thread-safe.
 */
public final class PipelineEmulator implements EmulatedService {
    /** The audiences the pipelines and run history APIs accept: ARM's and Azure Machine Learning's. */
    public static final Set<String> AUDIENCES;

    static {
        Set<String> a = new HashSet<>(ArmEmulator.ARM_AUDIENCES);
        a.add("https://ml.azure.com");
        a.add("https://ml.azure.com/");
        AUDIENCES = Set.copyOf(a);
    }

    final ArmEmulator arm;
    final RunExecutor executor;
    final Map<String, Pipelines.Pipeline> pipelines = new ConcurrentHashMap<>();
    final List<Pipelines.Endpoint> endpoints = new CopyOnWriteArrayList<>();
    final Map<String, EmulatedRun> runs = new ConcurrentHashMap<>();
    final List<String> runOrder = new CopyOnWriteArrayList<>();
    final Map<String, String[]> datasets = new ConcurrentHashMap<>();
    private final Queue<RunFault> faults = new ConcurrentLinkedQueue<>();
    volatile String baseUrl = Emulator.IN_PROCESS_BASE_URL;
    volatile Set<String> audiences = AUDIENCES;

    /**
     * Creates the emulator over the workspaces and datastores of an ARM emulator.
     *
     * @param arm the ARM emulator
     */
    public PipelineEmulator(ArmEmulator arm) {
        this.arm = arm;
        this.executor = new RunExecutor(arm);
    }

    @Override
    public String name() {
        return "aml-pipelines";
    }

    @Override
    public void register(Routes routes) {
        new PipelineHandlers(this).register(routes);
        new HistoryHandlers(this).register(routes);
    }

    @Override
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /**
     * Publishes a pipeline without an endpoint.
     *
     * @param workspace the workspace
     * @param definition the pipeline
     * @return the pipeline id
     */
    public String publishPipeline(EmulatedWorkspace workspace, PipelineDefinition definition) {
        String id = UUID.randomUUID().toString();
        pipelines.put(id, new Pipelines.Pipeline(id, UUID.randomUUID().toString(), workspace.id(), definition));
        return id;
    }

    /**
     * Publishes a pipeline behind a new, active pipeline endpoint, as its default version {@code 0}.
     *
     * @param workspace the workspace
     * @param endpointName the endpoint name
     * @param definition the pipeline
     * @return the endpoint id
     */
    public String publishEndpoint(EmulatedWorkspace workspace, String endpointName, PipelineDefinition definition) {
        return publishEndpoint(workspace, endpointName, definition, true);
    }

    /**
     * Publishes a pipeline behind a new pipeline endpoint, as its default version {@code 0}.
     *
     * @param workspace the workspace
     * @param endpointName the endpoint name
     * @param definition the pipeline
     * @param active {@code false} for a disabled endpoint
     * @return the endpoint id
     */
    public String publishEndpoint(EmulatedWorkspace workspace, String endpointName, PipelineDefinition definition,
            boolean active) {
        String pipelineId = publishPipeline(workspace, definition);
        String id = UUID.randomUUID().toString();
        endpoints.add(new Pipelines.Endpoint(id, endpointName, workspace.id(), active, "0", Map.of("0", pipelineId)));
        return id;
    }

    /**
     * Registers a dataset that {@code SavedDataSetReference} assignments can name.
     *
     * @param datasetId the dataset id
     * @param datastore the datastore holding its files
     * @param relativePath the file or folder in the datastore
     */
    public void registerDataset(String datasetId, String datastore, String relativePath) {
        datasets.put(datasetId, new String[] {datastore, relativePath});
    }

    /**
     * Sets the token audiences the pipelines and run history APIs accept (default {@link #AUDIENCES}); accepting
     * only {@code https://ml.azure.com} tests a client's fallback from the ARM audience.
     *
     * @param accepted the audiences
     */
    public void audiences(Set<String> accepted) {
        this.audiences = Set.copyOf(accepted);
    }

    /**
     * Queues a fault for the next submitted run; faults apply in order, one per run.
     *
     * @param fault the fault
     */
    public void nextRun(RunFault fault) {
        faults.add(fault);
    }

    /**
     * Returns every run submitted so far, in order.
     *
     * @return the runs
     */
    public List<SubmittedRun> runs() {
        return runOrder.stream().map(runs::get).map(EmulatedRun::snapshot).toList();
    }

    /**
     * Returns one run.
     *
     * @param runId the run id
     * @return the run, or empty
     */
    public Optional<SubmittedRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId)).map(EmulatedRun::snapshot);
    }

    EmulatedRun createRun(EmulatedWorkspace ws, Pipelines.Pipeline pipeline, String endpointId, String experiment,
            String description, Map<String, String> parameters, Map<String, String[]> inputs,
            Map<String, String> tags) {
        String id = UUID.randomUUID().toString();
        RunFault fault = faults.poll();
        boolean loseResponse = fault == RunFault.LOSE_SUBMIT_RESPONSE;
        if (loseResponse) {
            fault = faults.poll();
        }
        EmulatedRun run = new EmulatedRun(id, ws.id(), ws.tenantId(), pipeline, endpointId, experiment, description,
                parameters, inputs, tags, fault, loseResponse);
        runs.put(id, run);
        runOrder.add(id);
        return run;
    }

    /** Moves a run one step along its state machine, executing it between Running and Finalizing. */
    void advance(EmulatedRun run) {
        synchronized (run) {
            switch (run.status) {
                case "NotStarted" -> run.status = "Queued";
                case "Queued" -> {
                    if (run.fault != RunFault.STUCK_QUEUED) {
                        run.status = "Preparing";
                    }
                }
                case "Preparing" -> {
                    run.status = "Running";
                    run.started = Instant.now();
                }
                case "Running" -> finishRunning(run);
                case "Finalizing" -> end(run, "Completed");
                case "CancelRequested" -> end(run, "Canceled");
                default -> {
                }
            }
        }
    }

    private void finishRunning(EmulatedRun run) {
        if (run.fault == RunFault.FAIL) {
            fail(run, "UserError", "Step 'batch_score' failed: ValueError: the model could not score the input"
                    + " (injected failure).");
            return;
        }
        Optional<RunExecutor.Failure> failure = executor.execute(run);
        if (failure.isPresent()) {
            fail(run, failure.get().code(), failure.get().message());
        } else {
            run.status = "Finalizing";
        }
    }

    private static void fail(EmulatedRun run, String code, String message) {
        run.errorCode = code;
        run.errorMessage = message;
        end(run, "Failed");
    }

    private static void end(EmulatedRun run, String status) {
        run.status = status;
        run.ended = Instant.now();
    }

    /** Requests cancellation; a finished run stays as it is. */
    void cancel(EmulatedRun run) {
        synchronized (run) {
            if (!run.isTerminal()) {
                run.status = "CancelRequested";
            }
        }
    }

    Optional<Pipelines.Endpoint> endpoint(String workspaceId, String endpointId) {
        return endpoints.stream().filter(e -> e.workspaceId().equalsIgnoreCase(workspaceId)
                && e.id().equalsIgnoreCase(endpointId)).findFirst();
    }

    Map<String, String> effectiveParameters(PipelineDefinition def) {
        Map<String, String> out = new LinkedHashMap<>();
        def.parameters().forEach(p -> out.put(p.name(), p.defaultValue()));
        return out;
    }
}
