package dev.custommodels.testkit.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.spi.azure.ArmResourceId;
import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.Routes;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedDatastore;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Emulates Azure Machine Learning v2 batch endpoints on both planes, beside an {@link ArmEmulator} that holds the
 * subscriptions, workspaces and datastores:
 * <ul>
 *   <li>ARM: batch endpoints and deployments (lists page with {@code nextLink}), component and model versions,
 *   jobs (get, list filtered by {@code tag}, cancel);</li>
 *   <li>the endpoint data plane at each endpoint's scoring URI: invoke ({@code POST}) and job GET, which need a
 *   token for the Azure Machine Learning audience (an ARM token gets 401);</li>
 *   <li>run history ({@code /history/v1.0/…/runs/{job}} and its children) with the error of failed jobs.</li>
 * </ul>
 * Jobs follow the documented state machine one step per status read, and really score: the model function reads
 * the staged CSV files from the datastore's {@link LakeStore} and writes {@code predictions.csv} (or the output
 * the job names) back to it.
 *
 * <pre>{@code
 * ArmEmulator arm = new ArmEmulator().subscription("sub-1", "Contoso", "tenant-a");
 * EmulatedWorkspace ws = arm.workspace("sub-1", "rg", "ml-ws", "eastus");
 * arm.datastore(ws.id(), "workspaceblobstore", "sa1", "azureml-blobstore", blobStore);
 * BatchEndpointEmulator batch = new BatchEndpointEmulator(arm);
 * EmulatedModelVersion model = batch.mlflowModel(ws.id(), "churn", "1", "workspaceblobstore", "models/churn/1",
 *         "[{\"name\": \"tenure\", \"type\": \"long\"}]", "[{\"type\": \"double\"}]");
 * batch.endpoint(ws.id(), "churn-batch").modelDeployment("xgb", model);
 * Emulator emulator = Emulator.builder().service(arm).service(batch).build();
 * }</pre>
 *
 * Faults on demand: {@link #failNextJob(String)}, {@link #stickNextJob(String)},
 * {@link #failNextInvokeAfterCreatingJob(int)}, {@link #dropAfterCreatingJob(int)}, {@link #hideNextJobFromArm(int)},
 * {@link EmulatedBatchDeployment#failEveryNthRow(int)} (partial output), and any output location that exists
 * already (the job fails). Thread-safe.
 */
public final class BatchEndpointEmulator implements EmulatedService {
    /** The audiences the data plane accepts by default. */
    public static final Set<String> ML_AUDIENCES = Set.of("https://ml.azure.com", "https://ml.azure.com/");

    private final ArmEmulator arm;
    private final List<EmulatedBatchEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private final List<EmulatedModelVersion> models = new CopyOnWriteArrayList<>();
    private final List<EmulatedComponentVersion> components = new CopyOnWriteArrayList<>();
    private final Map<String, EmulatedBatchJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger jobsCreated = new AtomicInteger();
    private final PendingFaults pending = new PendingFaults();
    private final BatchJobRunner runner = new BatchJobRunner(this);
    private volatile Set<String> mlAudiences = ML_AUDIENCES;
    private volatile boolean honourInvokeTags = true;
    private volatile int pageSize = 2;
    private volatile Clock clock = Clock.systemUTC();
    private volatile String baseUrl = Emulator.IN_PROCESS_BASE_URL;

    /**
     * Creates the emulator over the ARM emulator that holds the workspaces and datastores.
     *
     * @param arm the ARM emulator; add it to the same {@link Emulator}
     */
    public BatchEndpointEmulator(ArmEmulator arm) {
        this.arm = Objects.requireNonNull(arm, "arm");
    }

    @Override
    public String name() {
        return "aml-batch";
    }

    @Override
    public void register(Routes routes) {
        new BatchArmRoutes(this).register(routes);
        new BatchDataPlaneRoutes(this).register(routes);
    }

    @Override
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /**
     * Returns the base URL the emulator hands out in scoring URIs and next links.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Adds a batch endpoint to a workspace of the ARM emulator.
     *
     * @param workspaceId the workspace's resource id
     * @param name the endpoint name
     * @return the endpoint, to add deployments to
     * @throws IllegalArgumentException if the workspace is unknown or the name is taken
     */
    public EmulatedBatchEndpoint endpoint(String workspaceId, String name) {
        EmulatedWorkspace w = workspace(workspaceId).orElseThrow(() -> new IllegalArgumentException(
                "Add workspace '" + workspaceId + "' to the ARM emulator first."));
        if (findEndpoint(w.id(), name).isPresent()) {
            throw new IllegalArgumentException("Workspace '" + w.name() + "' already has endpoint '" + name + "'.");
        }
        EmulatedBatchEndpoint e = new EmulatedBatchEndpoint(this, w.id(), w.workspaceGuid(), name, w.location());
        endpoints.add(e);
        return e;
    }

    /**
     * Registers an MLflow model version and writes its {@code MLmodel} file into a datastore of the workspace at
     * {@code <path>/MLmodel}.
     *
     * @param workspaceId the workspace's resource id
     * @param name the model name
     * @param version the version
     * @param datastore the datastore holding the model files
     * @param path the model folder inside the datastore
     * @param signatureInputs the signature's inputs as JSON, or {@code null} for a model without a signature
     * @param signatureOutputs the signature's outputs as JSON, or {@code null}
     * @return the model version
     * @throws IllegalArgumentException if the datastore is unknown
     */
    public EmulatedModelVersion mlflowModel(String workspaceId, String name, String version, String datastore,
            String path, String signatureInputs, String signatureOutputs) {
        LakeStore store = datastoreStore(workspaceId, datastore).orElseThrow(() -> new IllegalArgumentException(
                "Add datastore '" + datastore + "' to the ARM emulator first."));
        store.write(path + "/MLmodel", MlflowModelFiles.mlmodel(signatureInputs, signatureOutputs)
                .getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        List<String> columns = new ArrayList<>();
        if (signatureInputs != null) {
            try {
                for (JsonNode c : EmulatorResponse.jsonMapper().readTree(signatureInputs)) {
                    if (c.hasNonNull("name") && c.path("required").asBoolean(true)) {
                        columns.add(c.get("name").asText());
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("The signature inputs are not JSON: " + e.getMessage(), e);
            }
        }
        return model(new EmulatedModelVersion(workspaceId, name, version, "MLFlowModel",
                "azureml://datastores/" + datastore + "/paths/" + path, columns));
    }

    /**
     * Registers a model version as it is, without writing files.
     *
     * @param version the model version
     * @return the version
     */
    public EmulatedModelVersion model(EmulatedModelVersion version) {
        models.add(Objects.requireNonNull(version, "version"));
        return version;
    }

    /**
     * Registers a pipeline component version.
     *
     * @param workspaceId the workspace's resource id
     * @param name the component name
     * @param version the version
     * @param componentSpec the component's spec ({@code type}, {@code inputs}, {@code outputs}, …)
     * @return the component version
     */
    public EmulatedComponentVersion component(String workspaceId, String name, String version,
            Map<String, Object> componentSpec) {
        EmulatedComponentVersion c = new EmulatedComponentVersion(workspaceId, name, version, componentSpec);
        components.add(c);
        return c;
    }

    /**
     * Sets the audiences the data plane accepts (default {@link #ML_AUDIENCES}), such as a sovereign cloud's.
     *
     * @param audiences the audiences
     * @return this
     */
    public BatchEndpointEmulator mlAudiences(Set<String> audiences) {
        this.mlAudiences = Set.copyOf(audiences);
        return this;
    }

    /**
     * Chooses whether tags sent with an invoke reach the job (default {@code true}); whether the service keeps
     * them is not documented, so connectors must cope with both.
     *
     * @param honour whether to keep them
     * @return this
     */
    public BatchEndpointEmulator honourInvokeTags(boolean honour) {
        this.honourInvokeTags = honour;
        return this;
    }

    /**
     * Sets how many items a list page holds (default 2, so clients must follow {@code nextLink}).
     *
     * @param size the page size, at least 1
     * @return this
     */
    public BatchEndpointEmulator pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("The page size must be at least 1.");
        }
        this.pageSize = size;
        return this;
    }

    /**
     * Sets the clock for job creation times.
     *
     * @param c the clock
     * @return this
     */
    public BatchEndpointEmulator clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "c");
        return this;
    }

    /**
     * Makes the next job created fail while running, with this message in run history.
     *
     * @param message the error message
     * @return this
     */
    public BatchEndpointEmulator failNextJob(String message) {
        pending.failNextJob(Objects.requireNonNull(message, "message"));
        return this;
    }

    /**
     * Makes the next job created stop making progress: it stays {@code Running}, or moves to {@code NotResponding}
     * or {@code Paused} and stays there, until cancelled.
     *
     * @param status {@code Running}, {@code NotResponding} or {@code Paused}
     * @return this
     */
    public BatchEndpointEmulator stickNextJob(String status) {
        pending.stickNextJob(Objects.requireNonNull(status, "status"));
        return this;
    }

    /**
     * Makes the next valid invoke create its job and then answer with an error status, as a service that failed
     * after accepting the work.
     *
     * @param status the status to answer, such as 500 or 503
     * @return this
     */
    public BatchEndpointEmulator failNextInvokeAfterCreatingJob(int status) {
        pending.failNextInvoke(status);
        return this;
    }

    /**
     * Makes the next job created answer 404 to its first ARM reads (GET and list), as a just-created job may.
     *
     * @param reads how many ARM reads miss it
     * @return this
     */
    public BatchEndpointEmulator hideNextJobFromArm(int reads) {
        pending.hideNextJob(reads);
        return this;
    }

    /**
     * Returns a fault plan for invoke requests that creates the job and then drops the connection without an
     * answer, as a timed-out invoke that the service nevertheless carried out. Install it with
     * {@code emulator.faults().when(BatchEndpointEmulator::isInvoke, batch.dropAfterCreatingJob(1))}.
     *
     * @param times how many invokes to treat so
     * @return the plan
     */
    public FaultPlan dropAfterCreatingJob(int times) {
        AtomicInteger left = new AtomicInteger(times);
        return request -> {
            if (left.getAndDecrement() <= 0) {
                return Optional.empty();
            }
            EmulatorResponse r = new BatchDataPlaneRoutes(this).invokeWithoutFaults(request);
            return r.status() / 100 == 2 ? Optional.of(Fault.drop()) : Optional.empty();
        };
    }

    /**
     * Tells whether a request is an invoke ({@code POST} on a scoring URI).
     *
     * @param request the request
     * @return {@code true} for an invoke
     */
    public static boolean isInvoke(EmulatorRequest request) {
        return request.method().equals("POST") && request.path().matches("(?i)/inference/[^/]+/[^/]+/jobs/?");
    }

    /**
     * Returns how many jobs invokes have created.
     *
     * @return the count
     */
    public int jobsCreated() {
        return jobsCreated.get();
    }

    /**
     * Returns every job, oldest first.
     *
     * @return the jobs
     */
    public List<EmulatedBatchJob> jobs() {
        List<EmulatedBatchJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(EmulatedBatchJob::createdAt).thenComparing(EmulatedBatchJob::name));
        return all;
    }

    /**
     * Finds a job by name.
     *
     * @param name the job name
     * @return the job, or empty
     */
    public Optional<EmulatedBatchJob> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    EmulatedBatchJob createJob(EmulatedBatchJob job) {
        jobs.put(job.name(), job);
        jobsCreated.incrementAndGet();
        pending.applyTo(job);
        return job;
    }

    Optional<Integer> takeInvokeFailure() {
        return pending.takeInvokeFailure();
    }

    String advance(EmulatedBatchJob job) {
        return job.advance(runner);
    }

    ArmEmulator arm() {
        return arm;
    }

    Set<String> mlAudiences() {
        return mlAudiences;
    }

    boolean honourInvokeTags() {
        return honourInvokeTags;
    }

    int pageSize() {
        return pageSize;
    }

    Clock clock() {
        return clock;
    }

    List<EmulatedBatchEndpoint> endpoints(String workspaceId) {
        return endpoints.stream().filter(e -> e.workspaceId().equalsIgnoreCase(workspaceId)).toList();
    }

    Optional<EmulatedBatchEndpoint> findEndpoint(String workspaceId, String name) {
        return endpoints(workspaceId).stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    Optional<EmulatedBatchEndpoint> endpointByGuid(String workspaceGuid, String name) {
        return endpoints.stream().filter(e -> e.workspaceGuid().equalsIgnoreCase(workspaceGuid)
                && e.name().equalsIgnoreCase(name)).findFirst();
    }

    Optional<EmulatedModelVersion> modelVersion(String id) {
        return models.stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst();
    }

    Optional<EmulatedComponentVersion> componentVersion(String id) {
        return components.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }

    Optional<EmulatedWorkspace> workspace(String workspaceId) {
        try {
            ArmResourceId id = ArmResourceId.parse(workspaceId);
            return arm.findWorkspace(id.subscriptionId(), id.resourceGroup(), id.name());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<LakeStore> datastoreStore(String workspaceId, String datastore) {
        return arm.findDatastore(workspaceId, datastore).map(EmulatedDatastore::store);
    }
}
