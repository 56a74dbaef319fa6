package dev.custommodels.testkit.emulator.studio;

import com.azure.core.http.HttpClient;
import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An emulated Azure Machine Learning Studio (classic): ARM (subscriptions, classic workspaces, keys, ARM web
 * services), the classic management API, and each endpoint's swagger, RRS and BES routes. See the package
 * documentation for how to wire it into a test. Thread-safe.
 */
public final class StudioClassicEmulator implements EmulatedService {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    final List<StudioWorkspace> workspaces = new CopyOnWriteArrayList<>();
    final List<StudioWebService> armServices = new CopyOnWriteArrayList<>();
    final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
    final AtomicReference<EmulatorResponse> nextScoringFailure = new AtomicReference<>();
    final AtomicReference<String> nextJobFailure = new AtomicReference<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicLong rowsScored = new AtomicLong();
    private volatile String baseUrl = "http://emulator.invalid";
    private volatile int armPageSize = 2;
    private volatile int batchSteps = 2;
    private volatile Duration scoringLatency = Duration.ZERO;
    private volatile BlobTransfer blobs = BlobTransfer.jdk();

    /** Creates an empty emulator; add subscriptions, workspaces and services. */
    public StudioClassicEmulator() {
    }

    /**
     * Adds a subscription of a tenant.
     *
     * @param tenantId the tenant whose tokens see it
     * @param subscriptionId the subscription id
     * @return this
     */
    public synchronized StudioClassicEmulator subscription(String tenantId, String subscriptionId) {
        subscriptions.put(subscriptionId, tenantId);
        return this;
    }

    /**
     * Adds a classic workspace.
     *
     * @param subscriptionId an added subscription
     * @param resourceGroup the resource group
     * @param name the workspace name
     * @param location the region, such as {@code southcentralus}
     * @return the workspace
     * @throws IllegalArgumentException if the subscription was not added
     */
    public StudioWorkspace addWorkspace(String subscriptionId, String resourceGroup, String name, String location) {
        requireSubscription(subscriptionId);
        StudioWorkspace ws = new StudioWorkspace(subscriptionId, resourceGroup, name, location,
                hexId("ws:" + subscriptionId + "/" + name), secret(), secret());
        workspaces.add(ws);
        return ws;
    }

    /**
     * Publishes a classic web service with a default endpoint in a workspace.
     *
     * @param workspace the workspace
     * @param spec the service
     * @return the service
     */
    public StudioWebService addWebService(StudioWorkspace workspace, StudioServiceSpec spec) {
        StudioWebService svc = new StudioWebService(this, Objects.requireNonNull(workspace, "workspace"),
                workspace.subscriptionId(), null, hexId("svc:" + workspace.workspaceId() + "/" + spec.name()),
                hexId("ep:" + workspace.workspaceId() + "/" + spec.name()), spec, secret(), secret(), null);
        workspace.services.add(svc);
        return svc;
    }

    /**
     * Publishes an ARM ("new") web service.
     *
     * @param subscriptionId an added subscription
     * @param resourceGroup the resource group
     * @param spec the service; its name is the resource name
     * @param linkedWorkspace the workspace named in {@code properties.machineLearningWorkspace}, or {@code null}
     * @return the service
     */
    public StudioWebService addArmWebService(String subscriptionId, String resourceGroup, StudioServiceSpec spec,
            StudioWorkspace linkedWorkspace) {
        requireSubscription(subscriptionId);
        StudioWebService svc = new StudioWebService(this, null, subscriptionId, resourceGroup,
                hexId("arm:" + subscriptionId + "/" + spec.name()), null, spec, secret(), secret(), linkedWorkspace);
        armServices.add(svc);
        return svc;
    }

    /**
     * Sets how many items an ARM list page holds (default 2, so clients must follow {@code nextLink}).
     *
     * @param size the page size
     * @return this
     */
    public StudioClassicEmulator armPageSize(int size) {
        this.armPageSize = Math.max(1, size);
        return this;
    }

    /**
     * Sets how many status reads a started batch job takes to end (default 2: Running, then Finished).
     *
     * @param reads the status reads
     * @return this
     */
    public StudioClassicEmulator batchSteps(int reads) {
        this.batchSteps = Math.max(1, reads);
        return this;
    }

    /**
     * Makes every RRS request take this long inside the service, counted in its concurrency.
     *
     * @param latency the latency
     * @return this
     */
    public StudioClassicEmulator scoringLatency(Duration latency) {
        this.scoringLatency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /**
     * Sets the HTTP client batch jobs read inputs and write outputs with (default: the JDK's client). Pass the
     * emulator's in-process client to serve blobs from the same emulator without a server.
     *
     * @param client the client
     * @return this
     */
    public StudioClassicEmulator blobClient(HttpClient client) {
        this.blobs = BlobTransfer.azure(Objects.requireNonNull(client, "client"));
        return this;
    }

    /**
     * Makes the next RRS request fail with a 400 of the given codes (not retryable).
     *
     * @param code the error code, such as {@code LibraryExecutionError}
     * @param message the message
     */
    public void failNextScoring(String code, String message) {
        nextScoringFailure.set(Errors.error(400, code, null, message));
    }

    /**
     * Makes the next batch job created end {@code Failed} with these details.
     *
     * @param details the failure description
     */
    public void failNextBatchJob(String details) {
        nextJobFailure.set(Objects.requireNonNull(details, "details"));
    }

    /**
     * Returns the most RRS requests that were in the service at once.
     *
     * @return the peak
     */
    public int maxConcurrentScoring() {
        return maxInFlight.get();
    }

    /**
     * Returns the rows scored so far by RRS and BES together.
     *
     * @return the rows
     */
    public long rowsScored() {
        return rowsScored.get();
    }

    /**
     * Returns a batch job's status code.
     *
     * @param jobId the job id
     * @return the status, or empty for an unknown job
     */
    public Optional<String> batchJobStatus(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(BatchJob::status);
    }

    /**
     * Returns the base URL handed out in API locations and links.
     *
     * @return the URL without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String name() {
        return "studio-classic";
    }

    @Override
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    @Override
    public void register(Routes routes) {
        new ArmRoutes(this).register(routes);
        new ManagementRoutes(this).register(routes);
        new ScoringRoutes(this).register(routes);
        new BatchRoutes(this).register(routes);
    }

    synchronized Optional<String> tenantOf(String subscriptionId) {
        return subscriptions.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(subscriptionId))
                .map(Map.Entry::getValue).findFirst();
    }

    synchronized List<String> subscriptionsOf(String tenantId) {
        return subscriptions.entrySet().stream().filter(e -> e.getValue().equals(tenantId)).map(Map.Entry::getKey)
                .toList();
    }

    int armPageSize() {
        return armPageSize;
    }

    int batchSteps() {
        return batchSteps;
    }

    Duration scoringLatency() {
        return scoringLatency;
    }

    BlobTransfer blobs() {
        return blobs;
    }

    /** Finds the service that owns a scoring path. */
    Optional<StudioWebService> serviceAt(String scoringPath) {
        for (StudioWorkspace ws : workspaces) {
            for (StudioWebService s : ws.services) {
                if (s.scoringPath().equalsIgnoreCase(scoringPath)) {
                    return Optional.of(s);
                }
            }
        }
        return armServices.stream().filter(s -> s.scoringPath().equalsIgnoreCase(scoringPath)).findFirst();
    }

    String newJobId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private String secret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static String hexId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private void requireSubscription(String subscriptionId) {
        if (tenantOf(subscriptionId).isEmpty()) {
            throw new IllegalArgumentException("Add subscription " + subscriptionId + " first, with subscription().");
        }
    }
}
