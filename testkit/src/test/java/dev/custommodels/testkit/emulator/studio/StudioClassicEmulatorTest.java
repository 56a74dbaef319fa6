package dev.custommodels.testkit.emulator.studio;

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
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.blob.SignedBlobEndpoint;
import dev.custommodels.testkit.emulator.blob.SignedUrlLakeStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioClassicEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    StudioClassicEmulator studio;
    SignedBlobEndpoint blobs;
    Emulator emulator;
    HttpPipeline http;
    StudioWorkspace ws;
    StudioWebService svc;

    @BeforeEach
    void setUp() {
        studio = new StudioClassicEmulator().subscription("t1", "s1").subscription("t1", "s2");
        ws = studio.addWorkspace("s1", "rg", "ws1", "southcentralus");
        studio.addWorkspace("s1", "rg", "ws2", "southcentralus");
        studio.addWorkspace("s1", "rg", "ws3", "southcentralus");
        svc = studio.addWebService(ws, StudioServiceSpec.builder("Churn")
                .input("input1", StudioColumn.integer("age"), StudioColumn.string("plan").optional())
                .output("output1", StudioColumn.integer("age"), StudioColumn.number("Scored Probabilities"))
                .parameter(new StudioParameter("threshold", "number", "double", "0.5"))
                .model(StudioModel.logistic(Map.of("age", 0.1), -3)).build());
        blobs = new SignedBlobEndpoint();
        emulator = Emulator.builder().service(studio).service(blobs).build();
        studio.blobClient(emulator.httpClient());
        http = new HttpPipelineBuilder().httpClient(emulator.httpClient()).build();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private Reply send(HttpMethod method, String url, String bearer, String body) throws Exception {
        HttpRequest r = new HttpRequest(method, url);
        if (bearer != null) {
            r.setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + bearer);
        }
        if (body != null) {
            r.setBody(body);
        }
        try (HttpResponse response = http.sendSync(r, Context.NONE)) {
            byte[] bytes = response.getBodyAsBinaryData().toBytes();
            return new Reply(response.getStatusCode(), bytes.length == 0 ? null : JSON.readTree(bytes));
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private String execute(String query) {
        return svc.apiLocation() + "/execute?api-version=2.0" + query;
    }

    @Test
    void armListsPageWithNextLinkAndNeedATokenOfTheSubscriptionsTenant() throws Exception {
        String url = "https://management.azure.com/subscriptions/s1/providers/Microsoft.MachineLearning/workspaces"
                + "?api-version=2019-10-01";
        String token = FakeTokenCredential.token("https://management.azure.com", "t1");
        Reply first = send(HttpMethod.GET, url, token, null);
        assertThat(first.body().get("value")).hasSize(2);
        Reply second = send(HttpMethod.GET, first.body().get("nextLink").asText(), token, null);
        assertThat(second.body().get("value")).hasSize(1);
        assertThat(second.body().get("nextLink").isNull()).isTrue();
        assertThat(send(HttpMethod.GET, url, null, null).status()).isEqualTo(401);
        assertThat(send(HttpMethod.GET, url, FakeTokenCredential.token("https://management.azure.com", "t2"), null)
                .body().at("/error/code").asText()).isEqualTo("InvalidAuthenticationTokenTenant");
        assertThat(send(HttpMethod.GET, url, FakeTokenCredential.token("https://storage.azure.com", "t1"), null)
                .status()).isEqualTo(401);
        Reply keys = send(HttpMethod.POST, "https://management.azure.com" + ws.armId()
                + "/listWorkspaceKeys?api-version=2019-10-01", token, "");
        assertThat(keys.body().get("primaryToken").asText()).isEqualTo(ws.primaryToken());
    }

    @Test
    void scoringNeedsTheKeyAndAnswersInTableFormatWithColumnTypes() throws Exception {
        String body = "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"age\"],\"Values\":[[\"30\"],[\"50\"]]}},"
                + "\"GlobalParameters\":{}}";
        assertThat(send(HttpMethod.POST, execute(""), null, body).body().at("/error/details/0/code").asText())
                .isEqualTo("ScoreRequestUnauthorized");
        assertThat(send(HttpMethod.POST, execute(""), "wrong", body).status()).isEqualTo(401);
        Reply ok = send(HttpMethod.POST, execute("&details=true"), svc.primaryKey(), body);
        assertThat(ok.status()).isEqualTo(200);
        JsonNode table = ok.body().at("/Results/output1");
        assertThat(table.get("type").asText()).isEqualTo("table");
        assertThat(table.at("/value/ColumnNames").toString()).isEqualTo("[\"age\",\"Scored Probabilities\"]");
        assertThat(table.at("/value/ColumnTypes").toString()).isEqualTo("[\"Int32\",\"Double\"]");
        assertThat(table.at("/value/Values/1/0").asText()).isEqualTo("50");
        assertThat(table.at("/value/Values/1/1").asDouble()).isCloseTo(1 / (1 + Math.exp(-2)),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(send(HttpMethod.POST, execute(""), svc.secondaryKey(), body).body().at("/Results/output1/value")
                .has("ColumnTypes")).isFalse();
    }

    @Test
    void theSwaggerFormatTakesAndGivesRecords() throws Exception {
        Reply ok = send(HttpMethod.POST, execute("&format=swagger"), svc.primaryKey(),
                "{\"Inputs\":{\"input1\":[{\"age\":\"40\",\"plan\":\"gold\"}]},\"GlobalParameters\":{}}");
        assertThat(ok.body().at("/Results/output1/0/age").asText()).isEqualTo("40");
        assertThat(ok.body().at("/Results/output1/0").has("Scored Probabilities")).isTrue();
    }

    @Test
    void wrongColumnsUnparsableValuesAndUnknownParametersGetTheDocumentedErrors() throws Exception {
        Reply unknown = send(HttpMethod.POST, execute(""), svc.primaryKey(),
                "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"age\",\"tenure\"],\"Values\":[[\"1\",\"2\"]]}}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/error/code").asText()).isEqualTo("BadUserArgument");
        assertThat(unknown.body().at("/error/details/0/code").asText()).isEqualTo("InputMismatchError");
        assertThat(unknown.body().at("/error/details/0/target").asText()).isEqualTo("input1");
        assertThat(unknown.body().at("/error/message").asText()).contains("tenure");
        Reply missing = send(HttpMethod.POST, execute(""), svc.primaryKey(),
                "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"plan\"],\"Values\":[[\"x\"]]}}}");
        assertThat(missing.body().at("/error/details/0/code").asText()).isEqualTo("InputMismatchError");
        Reply parse = send(HttpMethod.POST, execute(""), svc.primaryKey(),
                "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"age\"],\"Values\":[[\"old\"]]}}}");
        assertThat(parse.body().at("/error/details/0/code").asText()).isEqualTo("InputParseError");
        Reply param = send(HttpMethod.POST, execute(""), svc.primaryKey(),
                "{\"Inputs\":{\"input1\":{\"ColumnNames\":[\"age\"],\"Values\":[[\"1\"]]}},"
                        + "\"GlobalParameters\":{\"alpha\":\"1\"}}");
        assertThat(param.body().at("/error/details/0/code").asText()).isEqualTo("UnexpectedParameter");
        assertThat(send(HttpMethod.POST, svc.apiLocation() + "/execute?api-version=1.0", svc.primaryKey(), "{}")
                .body().at("/error/details/0/code").asText()).isEqualTo("BadVersionCall");
    }

    @Test
    void aBatchJobMovesThroughItsStatesOnStatusReadsReadingAndWritingSignedBlobs() throws Exception {
        SignedUrlLakeStore store = blobs.container("acct", "data", new LocalLakeStore(dir));
        store.write("in/input1.csv", "age,plan\n30,gold\n60,\"basic, old\"\n".getBytes(StandardCharsets.UTF_8),
                WriteCondition.none());
        String in = store.signedUrl("in/input1.csv", LakeAccess.READ, Duration.ofMinutes(5)).orElseThrow();
        String out = store.signedUrl("out/", LakeAccess.WRITE, Duration.ofMinutes(5)).orElseThrow();
        URI inUri = URI.create(in);
        URI outUri = URI.create(out);
        String body = "{\"Inputs\":{\"input1\":" + ref(inUri, inUri.getRawPath()) + "},\"Outputs\":{\"output1\":"
                + ref(outUri, outUri.getRawPath() + "scores.csv") + "},\"GlobalParameters\":{}}";
        Reply created = send(HttpMethod.POST, svc.apiLocation() + "/jobs?api-version=2.0", svc.primaryKey(), body);
        assertThat(created.status()).isEqualTo(200);
        String id = created.body().asText();
        String job = svc.apiLocation() + "/jobs/" + id + "?api-version=2.0";
        assertThat(send(HttpMethod.GET, job, svc.primaryKey(), null).body().get("StatusCode").asText())
                .isEqualTo("NotStarted");
        assertThat(send(HttpMethod.POST, svc.apiLocation() + "/jobs/" + id + "/start?api-version=2.0",
                svc.primaryKey(), "").status()).isEqualTo(204);
        assertThat(send(HttpMethod.POST, svc.apiLocation() + "/jobs/" + id + "/start?api-version=2.0",
                svc.primaryKey(), "").body().at("/error/details/0/code").asText()).isEqualTo("CannotStartJob");
        assertThat(send(HttpMethod.GET, job, svc.primaryKey(), null).body().get("StatusCode").asText())
                .isEqualTo("Running");
        Reply finished = send(HttpMethod.GET, job, svc.primaryKey(), null);
        assertThat(finished.body().get("StatusCode").asText()).isEqualTo("Finished");
        assertThat(finished.body().at("/Results/output1/RelativeLocation").asText()).endsWith("out/scores.csv");
        String scores = new String(store.readAll("out/scores.csv"), StandardCharsets.UTF_8);
        assertThat(scores).startsWith("age,Scored Probabilities\n30,").contains("\n60,");
        assertThat(send(HttpMethod.DELETE, job, svc.primaryKey(), null).status()).isEqualTo(204);
        assertThat(studio.batchJobStatus(id)).contains("Finished");
    }

    @Test
    void aBatchJobWhoseInputCannotBeReadFails() throws Exception {
        SignedUrlLakeStore store = blobs.container("acct", "data", new LocalLakeStore(dir));
        String out = store.signedUrl("out/", LakeAccess.WRITE, Duration.ofMinutes(5)).orElseThrow();
        URI outUri = URI.create(out);
        String forged = "{\"BaseLocation\":\"" + emulator.baseUrl() + "/\",\"RelativeLocation\":\"blob/acct/data/x.csv"
                + "\",\"SasBlobToken\":\"?sp=r&se=2999-01-01T00:00:00Z&spr=&sig=forged\"}";
        String body = "{\"Inputs\":{\"input1\":" + forged + "},\"Outputs\":{\"output1\":"
                + ref(outUri, outUri.getRawPath() + "scores.csv") + "}}";
        String id = send(HttpMethod.POST, svc.apiLocation() + "/jobs?api-version=2.0", svc.primaryKey(), body)
                .body().asText();
        send(HttpMethod.POST, svc.apiLocation() + "/jobs/" + id + "/start?api-version=2.0", svc.primaryKey(), "");
        studio.batchSteps(1);
        Reply status = send(HttpMethod.GET, svc.apiLocation() + "/jobs/" + id + "?api-version=2.0", svc.primaryKey(),
                null);
        assertThat(status.body().get("StatusCode").asText()).isEqualTo("Failed");
        assertThat(status.body().get("Details").asText()).contains("HTTP 403");
    }

    private static String ref(URI signed, String path) {
        return "{\"ConnectionString\":null,\"BaseLocation\":\"" + signed.getScheme() + "://" + signed.getRawAuthority()
                + "/\",\"RelativeLocation\":\"" + path.substring(1) + "\",\"SasBlobToken\":\"?" + signed.getRawQuery()
                + "\"}";
    }
}
