package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.RecordedRequest;
import dev.custommodels.testkit.emulator.batch.BatchEndpointEmulator;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARM and the endpoint data plane take tokens for different audiences. */
class AudienceTest {
    @TempDir
    Path dir;

    private BatchTestbed bed;

    @BeforeEach
    void setUp() {
        bed = new BatchTestbed(dir);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private static String audience(RecordedRequest r) {
        return r.request().bearerToken().map(FakeTokenCredential::audienceOf).orElse("");
    }

    @Test
    void eachPlaneGetsATokenForItsOwnAudience() {
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-1", 10, bed.model("churn-batch", null), "input_data"));
        assertThat(BatchRunTest.pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Set.copyOf(bed.credential.requestedScopes())).containsExactlyInAnyOrder(
                "https://management.azure.com/.default", "https://ml.azure.com/.default");
        assertThat(bed.emulator.requests()).filteredOn(r -> BatchEndpointEmulator.isInvoke(r.request()))
                .singleElement().satisfies(r -> assertThat(audience(r)).isEqualTo("https://ml.azure.com"));
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().startsWith("/subscriptions/"))
                .isNotEmpty().allSatisfy(r -> assertThat(audience(r)).isEqualTo("https://management.azure.com"));
    }

    @Test
    void theScoringUriRefusesAnArmToken() {
        String scoringUri = bed.churn.scoringUri();
        HttpRequest request = new HttpRequest(HttpMethod.POST, scoringUri).setBody("{\"properties\":{}}")
                .setHeader(HttpHeaderName.AUTHORIZATION, "Bearer "
                        + FakeTokenCredential.token("https://management.azure.com", BatchTestbed.TENANT));
        try (HttpResponse r = new HttpPipelineBuilder().httpClient(bed.emulator.httpClient()).build()
                .sendSync(request, Context.NONE)) {
            assertThat(r.getStatusCode()).isEqualTo(401);
            assertThat(r.getBodyAsBinaryData().toString()).contains("InvalidAuthenticationTokenAudience");
        }
        assertThat(bed.batch.jobsCreated()).isZero();
    }

    @Test
    void aSovereignCloudAudienceIsConfigurable() {
        bed.batch.mlAudiences(Set.of("https://studio.ml.azure.cn"));
        Connector connector = bed.option(BatchEndpointOptions.ML_AUDIENCE, "https://studio.ml.azure.cn/").connector();
        JobHandle handle = connector.submit(bed.stage("run-2", 10, bed.model("churn-batch", null), "input_data"));
        assertThat(BatchRunTest.pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bed.credential.requestedScopes()).contains("https://studio.ml.azure.cn/.default")
                .doesNotContain("https://ml.azure.com/.default");
    }

    @Test
    void aWrongAudienceFailsOnceNamingTheAudience() {
        Connector connector = bed.option(BatchEndpointOptions.ML_AUDIENCE, "https://studio.ml.azure.cn").connector();
        assertThatThrownBy(() -> connector.submit(bed.stage("run-3", 10, bed.model("churn-batch", null),
                "input_data"))).isInstanceOf(ArmException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("audience https://studio.ml.azure.cn");
        assertThat(bed.emulator.count(BatchEndpointEmulator::isInvoke)).isEqualTo(1);
    }
}
