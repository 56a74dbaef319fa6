package dev.custommodels.connectors.pipeline;

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
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import dev.custommodels.testkit.emulator.pipeline.PipelineDefinition;
import dev.custommodels.testkit.emulator.pipeline.PipelineEmulator;
import dev.custommodels.testkit.emulator.pipeline.PipelineModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Two tenants with one workspace each, pipeline endpoints eligible and not, datastores on local stores, and a
 * connector context; in process or over loopback.
 */
final class PipelineTestBed implements AutoCloseable {
    static final String HOME = "tenant-home";
    static final String PARTNER = "tenant-partner";
    static final String SP = "11111111-2222-3333-4444-555555555555";
    static final String ID_COLUMN = "CustomerId";

    final ArmEmulator arm;
    final PipelineEmulator pipelines;
    final Emulator emulator;
    final EmulatedWorkspace workspace;
    final EmulatedWorkspace partnerWorkspace;
    final LocalLakeStore lake;
    final LocalLakeStore blob;
    final LocalLakeStore partnerBlob;
    final FakeTokenCredential homeCredential = new FakeTokenCredential(HOME);
    final FakeTokenCredential partnerCredential = new FakeTokenCredential(PARTNER);
    final String churnEndpoint;
    final String datasetEndpoint;
    final String partnerEndpoint;
    final String noIdsEndpoint;
    private final boolean loopback;
    private HttpClient nettyClient;

    PipelineTestBed(Path dir, boolean loopback) throws IOException {
        this.loopback = loopback;
        lake = new LocalLakeStore(dir.resolve("lake"));
        blob = new LocalLakeStore(dir.resolve("blob"));
        partnerBlob = new LocalLakeStore(dir.resolve("partner-blob"));
        arm = new ArmEmulator().subscription("sub-home", "Home", HOME).subscription("sub-partner", "Partner", PARTNER);
        workspace = arm.workspace("sub-home", "rg-ml", "ml-churn", "eastus");
        arm.workspace("sub-home", "rg-ml", "ml-empty", "westeurope");
        partnerWorkspace = arm.workspace("sub-partner", "rg-p", "ml-partner", "westus2");
        arm.datastore(workspace.id(), "workspaceblobstore", "churnsa", "azureml-blobstore-1", blob);
        arm.datastore(partnerWorkspace.id(), "workspaceblobstore", "partnersa", "azureml-blobstore-2", partnerBlob);
        blob.write("samples/input.csv", ("CustomerId,Tenure,MonthlyCharges,Senior,SignupDate,Plan\r\n"
                + "c-1,12,70.5,true,2021-03-04,\"Gold, annual\"\r\nc-2,3,19,false,2023-11-30,Basic\r\n")
                .getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        pipelines = new PipelineEmulator(arm);
        PipelineDefinition churn = PipelineDefinition.batchScoring("churn", PipelineModel.churn(ID_COLUMN));
        churnEndpoint = pipelines.publishEndpoint(workspace, "churn-endpoint", churn);
        datasetEndpoint = pipelines.publishEndpoint(workspace, "dataset-endpoint", churn.withInputs(List.of(),
                List.of("input_ds")));
        noIdsEndpoint = pipelines.publishEndpoint(workspace, "no-ids-endpoint",
                churn.withModel(PipelineModel.withoutIds()));
        pipelines.publishEndpoint(workspace, "no-input-endpoint", churn.withInputs(List.of(), List.of()));
        pipelines.publishEndpoint(workspace, "one-string-endpoint", churn.withParameters(List.of(
                new PipelineDefinition.Parameter("output_path", "String", "out/"))));
        pipelines.publishEndpoint(workspace, "no-string-endpoint", churn.withParameters(List.of(
                new PipelineDefinition.Parameter("threshold", "Double", "0.5"))));
        pipelines.publishEndpoint(workspace, "disabled-endpoint", churn, false);
        pipelines.publishEndpoint(workspace, "disabled-pipeline-endpoint", churn.withStatus("Disabled"));
        pipelines.publishPipeline(workspace, churn.withStatus("Active"));
        partnerEndpoint = pipelines.publishEndpoint(partnerWorkspace, "partner-endpoint", churn);
        emulator = Emulator.builder().service(arm).service(pipelines).build();
        if (loopback) {
            emulator.start();
            nettyClient = HttpClient.createDefault();
        }
    }

    TestConnectorContext.Builder contextBuilder() {
        TestConnectorContext.Builder b = TestConnectorContext.builder()
                .httpClient(loopback ? nettyClient : emulator.httpClient()).lake(lake)
                .credential(HOME, homeCredential).credential(PARTNER, partnerCredential)
                .datastores(arm::datastoreStore)
                .option(AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID, SP);
        if (loopback) {
            b.option(AmlPipelineOptions.ARM_ENDPOINT, emulator.baseUrl());
        }
        return b;
    }

    Connector connector() {
        return new AmlPipelineConnectorProvider().create(contextBuilder().build());
    }

    Connector connector(Consumer<TestConnectorContext.Builder> customize) {
        TestConnectorContext.Builder b = contextBuilder();
        customize.accept(b);
        return new AmlPipelineConnectorProvider().create(b.build());
    }

    ModelReference model(String endpointId) {
        return new ModelReference(AmlPipelineConnectorProvider.NAME, HOME, workspace.id(), endpointId, null);
    }

    ModelReference partnerModel() {
        return new ModelReference(AmlPipelineConnectorProvider.NAME, PARTNER, partnerWorkspace.id(), partnerEndpoint,
                null);
    }

    /** Stages rows in the client's lake, in two files, and returns the request scoring them. */
    JobRequest request(Connector connector, ModelReference model, String input, String runId, int rows) {
        String prefix = "runs/wf-1/" + runId + "/inputs/" + input + "/";
        int half = rows / 2;
        List<String> paths = List.of(prefix + "part-00000.csv", prefix + "part-00001.csv");
        writeCsv(paths.get(0), 0, half);
        writeCsv(paths.get(1), half, rows);
        ServiceContract contract = connector.describeService(model);
        return new JobRequest(runId, "wf-1", model, contract,
                List.of(new StagedInput(input, paths, List.of(ID_COLUMN, "Tenure", "Plan"), rows)), Map.of(),
                new OutputSettings("ChurnScores", null, "output_datastore", "output_path"),
                "runs/wf-1/" + runId + "/connector/", ID_COLUMN);
    }

    private void writeCsv(String path, int from, int to) {
        StringBuilder b = new StringBuilder(ID_COLUMN + ",Tenure,Plan\r\n");
        for (int i = from; i < to; i++) {
            b.append("cust-").append(i).append(',').append(i % 72).append(",\"Plan, ").append(i % 3).append("\"\r\n");
        }
        lake.write(path, b.toString().getBytes(StandardCharsets.UTF_8), WriteCondition.none());
    }

    List<String> secrets() {
        return List.of(FakeTokenCredential.token("https://management.azure.com", HOME),
                FakeTokenCredential.token("https://ml.azure.com", HOME));
    }

    long submissions() {
        return emulator.count("POST", ".*/PipelineRuns/PipelineEndpointSubmit/Id/.*");
    }

    LakeStore lake() {
        return lake;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
