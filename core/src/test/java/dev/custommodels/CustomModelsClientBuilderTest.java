package dev.custommodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.KeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.FakeConnectorProvider;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class CustomModelsClientBuilderTest {
    @TempDir
    Path lakeDir;

    @Test
    void buildingWithoutALakeNamesBothWaysToSetOne() {
        assertThatThrownBy(() -> new CustomModelsClientBuilder().entityCatalog(SampleEntities.catalog()).buildClient())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No lake is set")
                .hasMessageContaining("lakeDirectory(Path)")
                .hasMessageContaining("lake(LakeStore)");
    }

    @Test
    void buildingWithoutACatalogNamesTheSetting() {
        assertThatThrownBy(() -> new CustomModelsClientBuilder().lakeDirectory(lakeDir).buildClient())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entityCatalog(EntityCatalog)");
    }

    @Test
    void buildingWithTwoLakesAsksForOne() {
        assertThatThrownBy(() -> new CustomModelsClientBuilder().lakeDirectory(lakeDir)
                .lake(new LocalLakeStore(lakeDir)).entityCatalog(SampleEntities.catalog()).buildClient())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set only one");
    }

    @Test
    void twoExplicitProvidersWithOneNameFailTheBuild() {
        CustomModelsClientBuilder builder = base()
                .connectorProvider(new FakeConnectorProvider("x", new FakeBackend()))
                .connectorProvider(new FakeConnectorProvider("x", new FakeBackend()));
        assertThatThrownBy(builder::buildClient)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two connector providers named 'x'");
    }

    @Test
    void negativePollIntervalIsRejected() {
        assertThatThrownBy(() -> new CustomModelsClientBuilder().pollInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }

    @Test
    void listsConnectorsFoundOnTheClassPathAndGivenExplicitly() {
        CustomModelsClient client = base().connectorProvider(new FakeConnectorProvider("mine", new FakeBackend()))
                .buildClient();
        assertThat(client.listConnectors()).containsExactly("fake", "mine");
        assertThatThrownBy(() -> client.listWorkspaces("aml-pipeline", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No connector named 'aml-pipeline'. Available: [fake, mine]. Add"
                        + " custom-models-connectors-aml-pipeline to the class path.");
    }

    @Test
    void discoveryCallsPassThroughToTheConnector() {
        CustomModelsClient client = base().buildClient();
        assertThat(client.listWorkspaces("fake", FakeBackend.TENANT).stream().map(WorkspaceInfo::name))
                .containsExactly("Marketing");
        assertThat(client.listServices("fake", FakeBackend.TENANT, WorkspaceInfo.ANY).stream()
                .map(ServiceInfo::name)).containsExactly("churn", "scoring");
        assertThat(client.describeService(SampleEntities.churn("fake"))).isEqualTo(FakeBackend.churnContract());
    }

    @Test
    void contextGivesPerTenantCredentialsThenTheDefaultAndNamesAMissingTenant() {
        TokenCredential fallback = request -> Mono.just(new AccessToken("d", OffsetDateTime.MAX));
        TokenCredential other = request -> Mono.just(new AccessToken("o", OffsetDateTime.MAX));
        assertThat(context(base().credential("tenant-b", other).credential(fallback)).credential("tenant-b"))
                .isSameAs(other);
        assertThat(context(base().credential("tenant-b", other).credential(fallback)).credential("tenant-c"))
                .isSameAs(fallback);
        assertThatThrownBy(() -> context(base().credential("tenant-b", other)).credential("tenant-c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No credential for tenant 'tenant-c'")
                .hasMessageContaining("credential(\"tenant-c\", TokenCredential)");
    }

    @Test
    void contextGivesOptionsKeysDatastoresClockAndPollInterval() {
        KeyCredential key = new KeyCredential("k");
        LocalLakeStore datastore = new LocalLakeStore(lakeDir.resolve("ds"));
        ConnectorContext ctx = context(base().option("studio-classic.endpoint", "http://127.0.0.1:1")
                .apiKeyResolver(m -> m.serviceId().equals("churn") ? Optional.of(key) : Optional.empty())
                .datastoreResolver((location, tenant) -> datastore)
                .pollInterval(Duration.ZERO));
        assertThat(ctx.option("studio-classic.endpoint")).contains("http://127.0.0.1:1");
        assertThat(ctx.option("other")).isEmpty();
        assertThat(ctx.apiKey(SampleEntities.churn("fake"))).containsSame(key);
        BlobLocation location = new BlobLocation("acct", "https://acct.blob.core.windows.net", "c", "x");
        assertThat(ctx.datastore(location, "t")).isSameAs(datastore);
        assertThat(ctx.pollInterval()).isZero();
        assertThat(ctx.lake().describe()).isEqualTo("local:" + lakeDir.toAbsolutePath().normalize());
        assertThatThrownBy(() -> context(base()).datastore(location, "t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("datastoreResolver");
        assertThat(context(base()).apiKey(SampleEntities.churn("fake"))).isEmpty();
    }

    @Test
    void pipelineRetriesHonouringRetryAfterThenRunsHostPoliciesThenAuthentication() {
        TestHttp http = new TestHttp().then(503, 0).then(429, 0).then(200, -1);
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpPipelinePolicy host = (context, next) -> {
            seen.add("host");
            context.getHttpRequest().setHeader(com.azure.core.http.HttpHeaderName.fromString("x-host"), "1");
            return next.process();
        };
        HttpPipelinePolicy auth = (context, next) -> {
            seen.add("auth:" + context.getHttpRequest().getHeaders().getValue(
                    com.azure.core.http.HttpHeaderName.fromString("x-host")));
            return next.process();
        };
        ConnectorContext ctx = context(base().httpClient(http).addPolicy(host));
        HttpPipeline pipeline = ctx.pipeline(auth);
        try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, "http://127.0.0.1:9/x"),
                com.azure.core.util.Context.NONE)) {
            assertThat(response.getStatusCode()).isEqualTo(200);
        }
        assertThat(http.requests).hasSize(3);
        assertThat(seen).containsExactly("host", "auth:1", "host", "auth:1", "host", "auth:1");
    }

    @Test
    void retryOptionsFromTheBuilderLimitTheAttempts() {
        TestHttp http = new TestHttp().then(503, 0).then(503, 0).then(503, 0).then(200, -1);
        RetryOptions once = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(1)
                .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(1)));
        HttpPipeline pipeline = context(base().httpClient(http).retryOptions(once)).pipeline();
        try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, "http://127.0.0.1:9/x"),
                com.azure.core.util.Context.NONE)) {
            assertThat(response.getStatusCode()).isEqualTo(503);
        }
        assertThat(http.requests).hasSize(2);
    }

    private CustomModelsClientBuilder base() {
        return new CustomModelsClientBuilder().lakeDirectory(lakeDir).entityCatalog(EntityCatalog.of(List.of()));
    }

    /** Builds a client with a fresh fake connector, uses it once, and returns the context it received. */
    private static ConnectorContext context(CustomModelsClientBuilder builder) {
        FakeConnectorProvider probe = new FakeConnectorProvider("probe", FakeBackend.withSampleData());
        CustomModelsClient client = builder.connectorProvider(probe).buildClient();
        client.listWorkspaces("probe", FakeBackend.TENANT).stream().count();
        return probe.contexts().get(0);
    }
}
