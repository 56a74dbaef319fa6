package dev.custommodels.testkit.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch endpoint emulator on the wire, as a connector sees it. */
class BatchEndpointEmulatorTest {
    private static final String ML = FakeTokenCredential.token("https://ml.azure.com", "tenant-a");
    private static final String ARM = FakeTokenCredential.token("https://management.azure.com", "tenant-a");
    private static final String IN = "azureml://datastores/workspaceblobstore/paths/in/";

    @TempDir
    Path dir;

    private LocalLakeStore blob;
    private BatchEndpointEmulator batch;
    private Emulator emulator;
    private EmulatedWorkspace ws;
    private EmulatedBatchEndpoint endpoint;
    private EmulatedBatchDeployment model;
    private HttpPipeline pipeline;

    private record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void setUp() {
        blob = new LocalLakeStore(dir);
        ArmEmulator arm = new ArmEmulator().subscription("sub-1", "Contoso", "tenant-a");
        ws = arm.workspace("sub-1", "rg", "ws", "eastus");
        arm.datastore(ws.id(), "workspaceblobstore", "sa1", "c1", blob);
        batch = new BatchEndpointEmulator(arm);
        EmulatedModelVersion m = batch.mlflowModel(ws.id(), "churn", "1", "workspaceblobstore", "models/churn",
                "[{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"x\", \"type\": \"double\"}]", null);
        endpoint = batch.endpoint(ws.id(), "ep");
        model = endpoint.modelDeployment("mlflow", m);
        EmulatedComponentVersion c = batch.component(ws.id(), "score", "1", Map.of("type", "pipeline",
                "inputs", Map.of("data", Map.of("type", "uri_folder"), "n", Map.of("type", "integer")),
                "outputs", Map.of("out", Map.of("type", "uri_folder"))));
        endpoint.pipelineDeployment("pipe", c);
        emulator = Emulator.builder().service(arm).service(batch).build();
        pipeline = new HttpPipelineBuilder().httpClient(emulator.httpClient()).build();
        write("in/part-00000.csv", "id,x\na,1\nb,2\nc,3\n");
        write("in/nested/ignored.csv", "id,x\nz,9\n");
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private void write(String path, String text) {
        blob.write(path, text.getBytes(StandardCharsets.UTF_8), WriteCondition.none());
    }

    private Answer send(HttpMethod method, String url, String token, String body, String deployment)
            throws IOException {
        HttpRequest r = new HttpRequest(method, url).setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            r.setBody(body).setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
        }
        if (deployment != null) {
            r.setHeader(HttpHeaderName.fromString("azureml-model-deployment"), deployment);
        }
        try (HttpResponse response = pipeline.sendSync(r, Context.NONE)) {
            String text = response.getBodyAsBinaryData().toString();
            return new Answer(response.getStatusCode(), text.isEmpty() ? null
                    : EmulatorResponse.jsonMapper().readTree(text));
        }
    }

    private Answer invoke(String body, String deployment) throws IOException {
        return send(HttpMethod.POST, endpoint.scoringUri(), ML, body, deployment);
    }

    private static String modelBody(String outputType, String outputUri) {
        return "{\"properties\":{\"inputData\":{\"heart\":{\"jobInputType\":\"uri_folder\",\"uri\":\"" + IN + "\"}},"
                + "\"outputData\":{\"score\":{\"jobOutputType\":\"" + outputType + "\",\"uri\":\"" + outputUri
                + "\"}}}}";
    }

    private List<String> statuses(String job) throws IOException {
        List<String> seen = new ArrayList<>();
        String url = "https://management.azure.com" + ws.id() + "/jobs/" + job + "?api-version=2024-10-01";
        for (int i = 0; i < 10; i++) {
            String s = send(HttpMethod.GET, url, ARM, null, null).body().path("properties").path("status").asText();
            seen.add(s);
            if (EmulatedBatchJob.TERMINAL.contains(s)) {
                break;
            }
        }
        return seen;
    }

    @Test
    void aJobWalksTheStateMachineOneStepPerReadAndWritesPredictions() throws IOException {
        Answer a = invoke(modelBody("UriFile", "azureml://datastores/workspaceblobstore/paths/out/p.csv"), null);
        assertThat(a.status()).isEqualTo(200);
        String job = a.body().path("name").asText();
        assertThat(a.body().path("properties").path("status").asText()).isEqualTo("NotStarted");
        assertThat(a.body().path("properties").path("tags").path("azureml.batchrun").asText()).isEqualTo("true");
        assertThat(statuses(job)).containsExactly("Queued", "Preparing", "Running", "Finalizing", "Completed");
        assertThat(new String(blob.readAll("out/p.csv"), StandardCharsets.UTF_8).lines().toList())
                .hasSize(3).allMatch(l -> l.matches("\\d,0\\.\\d{4},part-00000\\.csv"));
    }

    @Test
    void anExistingOutputFailsTheJobWithTheErrorInRunHistory() throws IOException {
        write("out/taken.csv", "old\n");
        String job = invoke(modelBody("UriFile", "azureml://datastores/workspaceblobstore/paths/out/taken.csv"),
                null).body().path("name").asText();
        assertThat(statuses(job)).endsWith("Failed");
        Answer child = send(HttpMethod.GET, "https://eastus.api.azureml.ms/history/v1.0" + ws.id() + "/runs/" + job
                + "/children", ARM, null, null);
        assertThat(child.body().path("value").get(0).path("error").path("error").path("message").asText())
                .contains("already exists");
        assertThat(new String(blob.readAll("out/taken.csv"), StandardCharsets.UTF_8)).isEqualTo("old\n");
    }

    @Test
    void theDataPlaneRefusesArmTokensAndBadRequests() throws IOException {
        assertThat(send(HttpMethod.POST, endpoint.scoringUri(), ARM, modelBody("UriFile", IN + "x.csv"), null)
                .status()).isEqualTo(401);
        Answer folderOutput = invoke(modelBody("uri_folder", "azureml://datastores/workspaceblobstore/paths/o/"),
                null);
        assertThat(folderOutput.status()).isEqualTo(400);
        assertThat(folderOutput.body().path("error").path("message").asText())
                .contains("Job output type must be 'uri_file'.").contains("OutputData.Values[0].JobOutputType");
        assertThat(invoke("{\"properties\":{\"dataset\":{}}}", null).status()).isEqualTo(400);
        assertThat(invoke(modelBody("UriFile", IN + "x.csv"), "nope").status()).isEqualTo(404);
        Answer pipe = invoke("{\"Properties\":{\"InputData\":{\"data\":{\"JobInputType\":\"UriFolder\",\"Uri\":\""
                + IN + "\"},\"n\":{\"JobInputType\":\"Literal\",\"Value\":\"ten\"},\"extra\":{\"JobInputType\":"
                + "\"Literal\",\"Value\":\"1\"}}}}", "pipe");
        assertThat(pipe.status()).isEqualTo(400);
        assertThat(pipe.body().path("error").path("message").asText()).contains("'ten' is not a valid integer")
                .contains("no input named 'extra'");
        endpoint.defaultDeployment(null);
        assertThat(invoke(modelBody("UriFile", IN + "x.csv"), null).body().path("error").path("message").asText())
                .startsWith("No valid deployments to route to.");
        assertThat(batch.jobsCreated()).isZero();
    }

    @Test
    void cancelMovesARunningJobToCanceledAndLeavesAFinishedOneAlone() throws IOException {
        String job = invoke(modelBody("UriFile", "azureml://datastores/workspaceblobstore/paths/out/c.csv"), null)
                .body().path("name").asText();
        String cancel = "https://management.azure.com" + ws.id() + "/jobs/" + job + "/cancel?api-version=2024-10-01";
        assertThat(send(HttpMethod.POST, cancel, ARM, null, null).status()).isEqualTo(202);
        assertThat(statuses(job)).containsExactly("Canceled");
        assertThat(send(HttpMethod.POST, cancel, ARM, null, null).status()).isEqualTo(200);
        assertThat(blob.stat("out/c.csv")).isEmpty();
    }

    @Test
    void partialOutputDropsRowsButCompletesUnderTheThreshold() throws IOException {
        model.failEveryNthRow(2);
        String job = invoke(modelBody("UriFile", "azureml://datastores/workspaceblobstore/paths/out/h.csv"), null)
                .body().path("name").asText();
        assertThat(statuses(job)).endsWith("Completed");
        assertThat(new String(blob.readAll("out/h.csv"), StandardCharsets.UTF_8).lines().map(l -> l.split(",")[0]))
                .containsExactly("0", "2");
        assertThat(batch.job(job).orElseThrow().rowsFailed()).isEqualTo(1);
    }

    @Test
    void aPipelineJobWritesItsOutputFolderWithAHeader() throws IOException {
        Answer a = invoke("{\"properties\":{\"InputData\":{\"data\":{\"JobInputType\":\"UriFolder\",\"Uri\":\"" + IN
                + "\"},\"n\":{\"JobInputType\":\"Literal\",\"Value\":\"10\"}},\"OutputData\":{\"out\":{"
                + "\"JobOutputType\":\"UriFolder\",\"Uri\":\"azureml://datastores/workspaceblobstore/paths/po/\"}}}}",
                "pipe");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("name").asText()).startsWith("pipelinejob-");
        assertThat(statuses(a.body().path("name").asText())).endsWith("Completed");
        assertThat(new String(blob.readAll("po/scores.csv"), StandardCharsets.UTF_8).lines().toList())
                .hasSize(4).first().isEqualTo("id,x,score");
    }
}
