package dev.custommodels.connectors.batch;

import com.azure.core.http.HttpClient;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.batch.BatchEndpointEmulator;
import dev.custommodels.testkit.emulator.batch.EmulatedBatchDeployment;
import dev.custommodels.testkit.emulator.batch.EmulatedBatchEndpoint;
import dev.custommodels.testkit.emulator.batch.EmulatedComponentVersion;
import dev.custommodels.testkit.emulator.batch.EmulatedModelVersion;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One workspace with batch endpoints of every kind the tests need, served by the emulators, and a connector
 * context wired to them.
 */
final class BatchTestbed implements AutoCloseable {
    static final String TENANT = "tenant-a";
    static final String SIGNATURE = "[{\"name\": \"CustomerId\", \"type\": \"string\"}, {\"name\": \"tenure\","
            + " \"type\": \"long\"}, {\"name\": \"monthlyCharges\", \"type\": \"double\"}, {\"name\": \"contract\","
            + " \"type\": \"string\"}]";
    static final String WORKFLOW = "wf-churn";

    final ArmEmulator arm;
    final BatchEndpointEmulator batch;
    final Emulator emulator;
    final EmulatedWorkspace ws;
    final LocalLakeStore blob;
    final LocalLakeStore lake;
    final FakeTokenCredential credential = new FakeTokenCredential(TENANT);
    final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    final EmulatedBatchEndpoint churn;
    final EmulatedBatchDeployment xgb;
    final EmulatedBatchDeployment script;
    final EmulatedBatchEndpoint pipeline;
    final EmulatedComponentVersion component;
    private final Map<String, String> options = new LinkedHashMap<>();
    private HttpClient httpClient;

    BatchTestbed(Path dir) {
        blob = new LocalLakeStore(dir.resolve("blob"));
        lake = new LocalLakeStore(dir.resolve("lake"));
        arm = new ArmEmulator().pageSize(1).subscription("sub-1", "Contoso", TENANT);
        ws = arm.workspace("sub-1", "rg", "ml-churn", "eastus");
        arm.workspace("sub-1", "rg", "ml-empty", "eastus");
        arm.datastore(ws.id(), "workspaceblobstore", "sa1", "azureml-blobstore-1", blob);
        batch = new BatchEndpointEmulator(arm).pageSize(1).clock(clock);
        EmulatedModelVersion model = batch.mlflowModel(ws.id(), "churn", "3", "workspaceblobstore",
                "azureml/models/churn/3/model", SIGNATURE, "[{\"type\": \"double\"}]");
        churn = batch.endpoint(ws.id(), "churn-batch");
        xgb = churn.modelDeployment("xgb", model);
        script = churn.modelDeployment("xgb-script", model).scoringScript("batch_driver.py");
        churn.modelDeployment("xgb-next", model).provisioningState("Creating");
        component = batch.component(ws.id(), "churn_scoring", "2", Map.of("type", "pipeline", "name",
                "churn_scoring", "version", "2",
                "inputs", Map.of("input_data", Map.of("type", "uri_folder"),
                        "score_mode", Map.of("type", "string", "default", "append"),
                        "threshold", Map.of("type", "number", "default", "0.5"),
                        "reference_model", Map.of("type", "mlflow_model", "optional", true)),
                "outputs", Map.of("scores", Map.of("type", "uri_folder", "mode", "upload"))));
        pipeline = batch.endpoint(ws.id(), "churn-pipeline");
        pipeline.pipelineDeployment("preprocess-and-score", component);
        addIneligibleServices(model);
        emulator = Emulator.builder().service(arm).service(batch).build();
        httpClient = emulator.httpClient();
    }

    private void addIneligibleServices(EmulatedModelVersion model) {
        batch.endpoint(ws.id(), "summary-batch").modelDeployment("custom-outputs", model)
                .scoringScript("write_parquet.py").outputAction("SummaryOnly");
        batch.endpoint(ws.id(), "creating-batch").provisioningState("Creating").modelDeployment("xgb", model);
        EmulatedComponentVersion literalsOnly = batch.component(ws.id(), "hello", "1", Map.of("type", "pipeline",
                "inputs", Map.of("greeting", Map.of("type", "string")), "outputs", Map.of("out",
                        Map.of("type", "uri_folder"))));
        batch.endpoint(ws.id(), "hello-pipeline").pipelineDeployment("hello", literalsOnly);
        EmulatedBatchEndpoint noDefault = batch.endpoint(ws.id(), "nodefault-batch");
        noDefault.modelDeployment("a", model);
        noDefault.defaultDeployment(null);
        EmulatedModelVersion custom = batch.model(new EmulatedModelVersion(ws.id(), "mnist", "1", "CustomModel",
                "azureml://datastores/workspaceblobstore/paths/azureml/models/mnist/1", List.of()));
        batch.endpoint(ws.id(), "custom-batch").modelDeployment("torch", custom).scoringScript("score.py");
        EmulatedModelVersion unsigned = batch.mlflowModel(ws.id(), "unsigned", "1", "workspaceblobstore",
                "azureml/models/unsigned/1", null, null);
        batch.endpoint(ws.id(), "nosig-batch").modelDeployment("plain", unsigned);
    }

    /** Serves over loopback with the Netty HTTP client instead of in process. */
    BatchTestbed loopback() throws java.io.IOException {
        emulator.start();
        httpClient = new com.azure.core.http.netty.NettyAsyncHttpClientBuilder().build();
        options.put("azure.armEndpoint", emulator.baseUrl());
        return this;
    }

    BatchTestbed option(String key, String value) {
        options.put(key, value);
        return this;
    }

    TestConnectorContext context() {
        TestConnectorContext.Builder b = TestConnectorContext.builder().httpClient(httpClient).lake(lake)
                .credential(TENANT, credential).datastores(arm::datastoreStore).clock(clock);
        options.forEach(b::option);
        return b.build();
    }

    Connector connector() {
        return new BatchEndpointConnectorProvider().create(context());
    }

    ModelReference model(String endpoint, String deployment) {
        return new ModelReference(BatchEndpointConnectorProvider.NAME, TENANT, ws.id(), endpoint, deployment);
    }

    /** Stages rows (CustomerId, tenure, monthlyCharges, contract) in chunks of 100 and builds the request. */
    JobRequest stage(String runId, int rows, ModelReference model, String inputName) {
        return stage(runId, rows, model, inputName, Map.of());
    }

    JobRequest stage(String runId, int rows, ModelReference model, String inputName, Map<String, String> parameters) {
        List<String> columns = List.of("CustomerId", "tenure", "monthlyCharges", "contract");
        List<String> paths = new ArrayList<>();
        String base = "runs/" + WORKFLOW + "/" + runId + "/inputs/" + inputName + "/";
        for (int start = 0, part = 0; start < rows || part == 0; start += 100, part++) {
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            for (int i = start; i < Math.min(rows, start + 100); i++) {
                csv.append(customerId(i)).append(',').append(i % 72).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", 20 + (i % 50) * 1.5)).append(',')
                        .append(i % 3 == 0 ? "\"month-to-month, promo\"" : "one year").append('\n');
            }
            String path = base + String.format(Locale.ROOT, "part-%05d.csv", part);
            lake.write(path, csv.toString().getBytes(StandardCharsets.UTF_8), WriteCondition.none());
            paths.add(path);
        }
        StagedInput input = new StagedInput(inputName, paths, columns, rows);
        return new JobRequest(runId, WORKFLOW, model, new ServiceContract(List.of(), List.of(), List.of()),
                List.of(input), parameters, OutputSettings.of("ChurnScores"), "runs/" + WORKFLOW + "/" + runId + "/");
    }

    static String customerId(int i) {
        return String.format(Locale.ROOT, "c-%05d", i);
    }

    List<String> lines(LakeStore store, String path) {
        return List.of(new String(store.readAll(path), StandardCharsets.UTF_8).split("\n"));
    }

    @Override
    public void close() {
        emulator.close();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
