package dev.custommodels.testkit.emulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Emulator emulator;
    private HttpPipeline http;
    private EmulatedWorkspace ws;
    private String endpointId;
    private LocalLakeStore blob;
    private PipelineEmulator pipelines;

    record Reply(int status, JsonNode body) {
    }

    @BeforeEach
    void setUp() {
        blob = new LocalLakeStore(dir);
        blob.write("in/a.csv", "id,x\r\n1,a\r\n2,\"b,c\"\r\n".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        ArmEmulator arm = new ArmEmulator().subscription("s", "S", "t1").subscription("s2", "S2", "t2");
        ws = arm.workspace("s", "rg", "w", "eastus");
        arm.datastore(ws.id(), "workspaceblobstore", "sa", "c", blob);
        pipelines = new PipelineEmulator(arm);
        endpointId = pipelines.publishEndpoint(ws, "ep", PipelineDefinition.batchScoring("p", PipelineModel.churn("id")));
        emulator = Emulator.builder().service(arm).service(pipelines).build();
        http = new HttpPipelineBuilder().httpClient(emulator.httpClient()).build();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private Reply call(HttpMethod method, String path, String body, String tenant) throws Exception {
        HttpRequest request = new HttpRequest(method, "https://eastus.api.azureml.ms" + path);
        if (tenant != null) {
            request.setHeader(HttpHeaderName.AUTHORIZATION, "Bearer "
                    + FakeTokenCredential.token("https://management.azure.com", tenant));
        }
        if (body != null) {
            request.setBody(body);
        }
        try (HttpResponse r = http.sendSync(request, Context.NONE)) {
            String text = r.getBodyAsBinaryData().toString();
            return new Reply(r.getStatusCode(), text.isEmpty() ? null : JSON.readTree(text));
        }
    }

    private String submitPath() {
        return "/pipelines/v1.0" + ws.id() + "/PipelineRuns/PipelineEndpointSubmit/Id/" + endpointId;
    }

    @Test
    void callsNeedATokenOfTheWorkspacesTenant() throws Exception {
        String list = "/pipelines/v1.0" + ws.id() + "/PipelineEndpoints";
        assertThat(call(HttpMethod.GET, list, null, null).status()).isEqualTo(401);
        Reply other = call(HttpMethod.GET, list, null, "t2");
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.body().path("error").path("code").asText()).isEqualTo("InvalidAuthenticationTokenTenant");
        Reply ok = call(HttpMethod.GET, list, null, "t1");
        assertThat(ok.body().get(0).path("PipelineVersionList").get(0).path("Version").asText()).isEqualTo("0");
    }

    @Test
    void submissionsAreValidated() throws Exception {
        assertThat(call(HttpMethod.POST, submitPath(), "{}", "t1").body().toString()).contains("ExperimentName");
        assertThat(call(HttpMethod.POST, submitPath().replace(endpointId, "nope"), "{\"ExperimentName\":\"e\"}",
                "t1").status()).isEqualTo(404);
        Reply badPath = call(HttpMethod.POST, submitPath(), "{\"ExperimentName\":\"e\",\"DataPathAssignments\":"
                + "{\"other\":{\"DataStoreName\":\"d\",\"RelativePath\":\"p\"}}}", "t1");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(pipelines.runs()).isEmpty();
    }

    @Test
    void aRunWalksTheStateMachineOnEachGetAndWritesScoredCsv() throws Exception {
        Reply submitted = call(HttpMethod.POST, submitPath(), "{\"ExperimentName\":\"e\",\"Tags\":{\"k\":\"v\"},"
                + "\"ParameterAssignments\":{\"output_path\":\"out/run1\"},\"DataPathAssignments\":{\"input_data\":"
                + "{\"DataStoreName\":\"workspaceblobstore\",\"RelativePath\":\"in/\"}}}", "t1");
        String runId = submitted.body().path("Id").asText();
        assertThat(submitted.body().path("Status").path("StatusCode").asText()).isEqualTo("NotStarted");
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            states.add(call(HttpMethod.GET, "/history/v1.0" + ws.id() + "/runs/" + runId, null, "t1").body()
                    .path("status").asText());
        }
        assertThat(states).containsExactly("Queued", "Preparing", "Running", "Finalizing", "Completed", "Completed");
        assertThat(new String(blob.readAll("out/run1/scores.csv"), StandardCharsets.UTF_8).lines())
                .hasSize(3).first().isEqualTo("id,ChurnScore,Churn");
        Reply found = call(HttpMethod.POST, "/history/v1.0" + ws.id() + "/experiments/e/runs:query",
                "{\"filter\":\"tags/k eq 'v'\"}", "t1");
        assertThat(found.body().path("value")).hasSize(1);
        Reply none = call(HttpMethod.POST, "/history/v1.0" + ws.id() + "/experiments/e/runs:query",
                "{\"filter\":\"tags/k eq 'w'\"}", "t1");
        assertThat(none.body().path("value")).isEmpty();
    }

    @Test
    void cancellationPassesThroughCancelRequested() throws Exception {
        String runId = call(HttpMethod.POST, submitPath(), "{\"ExperimentName\":\"e\"}", "t1").body().path("Id")
                .asText();
        assertThat(call(HttpMethod.POST, "/pipelines/v1.0" + ws.id() + "/PipelineRuns/" + runId + "/Cancel", "{}",
                "t1").status()).isEqualTo(200);
        assertThat(pipelines.run(runId).orElseThrow().status()).isEqualTo("CancelRequested");
        String history = "/history/v1.0" + ws.id() + "/runs/" + runId;
        assertThat(call(HttpMethod.GET, history, null, "t1").body().path("status").asText()).isEqualTo("Canceled");
    }

    @Test
    void aFailedRunCarriesTheErrorObject() throws Exception {
        pipelines.nextRun(RunFault.FAIL);
        String runId = call(HttpMethod.POST, submitPath(), "{\"ExperimentName\":\"e\"}", "t1").body().path("Id")
                .asText();
        JsonNode run = null;
        for (int i = 0; i < 4; i++) {
            run = call(HttpMethod.GET, "/history/v1.0" + ws.id() + "/runs/" + runId, null, "t1").body();
        }
        assertThat(run.path("status").asText()).isEqualTo("Failed");
        assertThat(run.path("error").path("error").path("code").asText()).isEqualTo("UserError");
    }
}
