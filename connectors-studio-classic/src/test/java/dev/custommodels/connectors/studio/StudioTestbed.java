package dev.custommodels.connectors.studio;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.FaultInjector;
import dev.custommodels.testkit.emulator.blob.SignedBlobEndpoint;
import dev.custommodels.testkit.emulator.blob.SignedUrlLakeStore;
import dev.custommodels.testkit.emulator.studio.StudioClassicEmulator;
import dev.custommodels.testkit.emulator.studio.StudioColumn;
import dev.custommodels.testkit.emulator.studio.StudioModel;
import dev.custommodels.testkit.emulator.studio.StudioParameter;
import dev.custommodels.testkit.emulator.studio.StudioServiceSpec;
import dev.custommodels.testkit.emulator.studio.StudioWebService;
import dev.custommodels.testkit.emulator.studio.StudioWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated world the connector tests run in: two tenants, three subscriptions, classic workspaces with usable
 * and unusable web services, ARM web services, a signed blob endpoint for BES staging, and a lake.
 */
final class StudioTestbed implements AutoCloseable {
    static final String TENANT = "tenant-a";
    static final String OTHER_TENANT = "tenant-b";
    static final List<String> STAGED_COLUMNS = List.of("CustomerId", "age", "income", "plan", "active");
    static final StudioModel MODEL = StudioModel.logistic(Map.of("age", 0.04, "income", -0.00002), -0.5);

    final StudioClassicEmulator studio = new StudioClassicEmulator();
    final SignedBlobEndpoint blobs = new SignedBlobEndpoint();
    final Emulator emulator;
    final dev.custommodels.spi.LakeStore lake;
    final SignedUrlLakeStore staging;
    final StudioWorkspace churnWs;
    final StudioWorkspace marketingWs;
    final StudioWorkspace otherTenantWs;
    final StudioWebService churn;
    final StudioWebService broken;
    final StudioWebService noInput;
    final StudioWebService exotic;
    final StudioWebService upsell;
    final StudioWebService armChurn;
    final StudioWebService armOrphan;
    private final boolean loopback;
    private final Map<String, String> options;
    private final RetryOptions retry;
    private final HttpClient http;

    private StudioTestbed(Builder b) throws IOException {
        studio.subscription(TENANT, "sub-1").subscription(TENANT, "sub-2").subscription(OTHER_TENANT, "sub-x");
        churnWs = studio.addWorkspace("sub-1", "rg-ml", "churn-ws", "southcentralus");
        marketingWs = studio.addWorkspace("sub-2", "rg-mkt", "marketing-ws", "westeurope");
        studio.addWorkspace("sub-1", "rg-ml", "empty-ws", "southcentralus");
        otherTenantWs = studio.addWorkspace("sub-x", "rg-x", "other-ws", "japaneast");
        churn = studio.addWebService(churnWs, churnSpec("Churn").maxConcurrentCalls(b.maxConcurrentCalls).build());
        broken = studio.addWebService(churnWs, churnSpec("Broken deployment").withoutApiLocation().build());
        noInput = studio.addWebService(churnWs, StudioServiceSpec.builder("Trainer")
                .output("output1", StudioColumn.string("Status")).build());
        exotic = studio.addWebService(churnWs, StudioServiceSpec.builder("Geo model")
                .input("input1", StudioColumn.integer("age"), StudioColumn.of("location", "object", null))
                .output("output1", StudioColumn.number("Scored Probabilities")).model(MODEL).build());
        upsell = studio.addWebService(marketingWs, churnSpec("Upsell").batch(false).build());
        studio.addWebService(otherTenantWs, churnSpec("Foreign").build());
        armChurn = studio.addArmWebService("sub-1", "rg-ml", churnSpec("arm-churn").build(), churnWs);
        armOrphan = studio.addArmWebService("sub-2", "rg-mkt", churnSpec("arm-orphan").build(), null);
        Emulator.Builder eb = Emulator.builder().service(studio).service(blobs).faults(b.faults)
                .recordBodies(b.recordBodies);
        emulator = eb.build();
        this.loopback = b.loopback;
        if (loopback) {
            emulator.start();
            http = new NettyAsyncHttpClientBuilder().build();
        } else {
            studio.blobClient(emulator.httpClient());
            http = emulator.httpClient();
        }
        lake = b.signingLake ? blobs.container("lakeacct", "lake", new LocalLakeStore(b.dir.resolve("lake")))
                : new LocalLakeStore(b.dir.resolve("lake"));
        staging = blobs.container("stagingacct", "staging", new LocalLakeStore(b.dir.resolve("staging")));
        options = new HashMap<>(b.options);
        if (loopback) {
            options.putIfAbsent(StudioClassicOptions.ARM_ENDPOINT, emulator.baseUrl());
            options.putIfAbsent(StudioClassicOptions.MANAGEMENT_ENDPOINT, emulator.baseUrl());
        }
        options.putIfAbsent(StudioClassicOptions.RRS_RETRY_DELAY, "PT0.001S");
        options.putIfAbsent(StudioClassicOptions.RRS_MAX_RETRY_DELAY, "PT0.01S");
        if ("bes".equals(options.get(StudioClassicOptions.MODE))) {
            options.putIfAbsent(StudioClassicOptions.BES_STAGING_ACCOUNT, "stagingacct");
            options.putIfAbsent(StudioClassicOptions.BES_STAGING_ENDPOINT, blobs.endpointUrl("stagingacct"));
            options.putIfAbsent(StudioClassicOptions.BES_STAGING_CONTAINER, "staging");
        }
        retry = b.retry;
    }

    static StudioServiceSpec.Builder churnSpec(String name) {
        return StudioServiceSpec.builder(name).description("Predicts churn.")
                .input("input1", StudioColumn.integer("age"), StudioColumn.number("income"),
                        StudioColumn.string("plan"), StudioColumn.bool("active").optional())
                .output("output1", StudioColumn.string("Scored Labels"), StudioColumn.number("Scored Probabilities"))
                .parameter(new StudioParameter("threshold", "number", "double", "0.5"))
                .model(MODEL);
    }

    static Builder builder(Path dir) {
        return new Builder(dir);
    }

    TestConnectorContext context() {
        return context(Map.of());
    }

    /** A context with the testbed's options, some overridden. */
    TestConnectorContext context(Map<String, String> overrides) {
        TestConnectorContext.Builder b = TestConnectorContext.builder().httpClient(http).lake(lake)
                .credential(TENANT, new FakeTokenCredential(TENANT))
                .credential(OTHER_TENANT, new FakeTokenCredential(OTHER_TENANT))
                .datastores((location, tenant) -> blobs.store(location.accountName(), location.container()));
        options.forEach(b::option);
        overrides.forEach(b::option);
        if (retry != null) {
            b.retryOptions(retry);
        }
        return b.build();
    }

    Connector newConnector() {
        return new StudioClassicConnectorProvider().create(context());
    }

    ModelReference model(StudioWebService svc) {
        return new ModelReference(StudioClassicOptions.CONNECTOR_NAME, TENANT, svc.workspace() == null ? "*"
                : svc.workspace().armId(), svc.serviceId(), null);
    }

    static String customerId(int i) {
        return String.format("C%07d", i);
    }

    static List<String> row(int i) {
        return List.of(customerId(i), Integer.toString(18 + i % 60), Integer.toString(20000 + (i * 37) % 80000),
                i % 3 == 0 ? "gold, \"plus\"" : "basic", i % 2 == 0 ? "true" : "false");
    }

    /** The model's output for staged row {@code i}: Scored Labels and Scored Probabilities. */
    static Map<String, String> expected(int i) {
        List<String> r = row(i);
        Map<String, String> in = new LinkedHashMap<>();
        for (int c = 0; c < STAGED_COLUMNS.size(); c++) {
            in.put(STAGED_COLUMNS.get(c), r.get(c));
        }
        return MODEL.score(in, Map.of("threshold", "0.5"));
    }

    /** Writes {@code rows} rows in {@code files} CSV files and returns the request that scores them. */
    JobRequest stage(Connector connector, StudioWebService svc, String runId, int rows, int files) {
        String prefix = "runs/wf-1/" + runId + "/";
        List<String> paths = new ArrayList<>();
        int perFile = (rows + files - 1) / Math.max(1, files);
        for (int f = 0, first = 0; f < files; f++, first += perFile) {
            StringBuilder csv = new StringBuilder(String.join(",", STAGED_COLUMNS)).append('\n');
            for (int i = first; i < Math.min(rows, first + perFile); i++) {
                List<String> r = row(i);
                for (int c = 0; c < r.size(); c++) {
                    String v = r.get(c);
                    csv.append(c == 0 ? "" : ",").append(v.contains(",") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                }
                csv.append('\n');
            }
            String path = prefix + "inputs/input1/part-" + f + ".csv";
            lake.write(path, csv.toString().getBytes(StandardCharsets.UTF_8),
                    dev.custommodels.spi.WriteCondition.none());
            paths.add(path);
        }
        ModelReference model = model(svc);
        ServiceContract contract = connector.describeService(model);
        return new JobRequest(runId, "wf-1", model, contract, List.of(new StagedInput("input1", paths,
                STAGED_COLUMNS, rows)), Map.of(), OutputSettings.of("ChurnScores"), prefix + "connector/");
    }

    List<String> secrets() {
        List<String> s = new ArrayList<>();
        for (StudioWorkspace ws : List.of(churnWs, marketingWs, otherTenantWs)) {
            s.add(ws.primaryToken());
            s.add(ws.secondaryToken());
            ws.services().forEach(x -> {
                s.add(x.primaryKey());
                s.add(x.secondaryKey());
            });
        }
        s.add(armChurn.primaryKey());
        s.add(armOrphan.primaryKey());
        return s;
    }

    @Override
    public void close() {
        emulator.close();
    }

    /** Builds a {@link StudioTestbed}. */
    static final class Builder {
        private final Path dir;
        private boolean loopback;
        private boolean recordBodies = true;
        private int maxConcurrentCalls = 20;
        private FaultInjector faults = new FaultInjector();
        private final Map<String, String> options = new HashMap<>();
        private RetryOptions retry;
        private boolean signingLake;

        private Builder(Path dir) {
            this.dir = dir;
        }

        Builder loopback() {
            this.loopback = true;
            return this;
        }

        /** Makes the lake a store that can sign URLs for the emulated blob endpoint. */
        Builder signingLake() {
            this.signingLake = true;
            return this;
        }

        Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        Builder faults(FaultInjector injector) {
            this.faults = injector;
            return this;
        }

        Builder recordBodies(boolean keep) {
            this.recordBodies = keep;
            return this;
        }

        Builder maxConcurrentCalls(int limit) {
            this.maxConcurrentCalls = limit;
            return this;
        }

        /** Turns the client pipeline's own retries off, so the connector's retries are what a test sees. */
        Builder noPipelineRetries() {
            this.retry = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(0)
                    .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(1)));
            return this;
        }

        StudioTestbed build() throws IOException {
            return new StudioTestbed(this);
        }
    }
}
