package dev.custommodels.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmulatorTest {

    private static final class Counter implements EmulatedService {
        final AtomicInteger calls = new AtomicInteger();
        volatile String base;

        @Override
        public String name() {
            return "counter";
        }

        @Override
        public void register(Routes routes) {
            routes.get("/items/{id}", (req, vars) -> EmulatorResponse.json(200,
                    Map.of("id", vars.get("id"), "n", calls.incrementAndGet(), "self", base + "/items/" + vars.get("id"))));
            routes.post("/items", (req, vars) -> EmulatorResponse.json(201, Map.of("echo", req.bodyText())));
        }

        @Override
        public void baseUrl(String baseUrl) {
            base = baseUrl;
        }
    }

    @Test
    void inProcessClientRoutesRequestsAndRecordsThem() {
        Counter counter = new Counter();
        try (Emulator emulator = Emulator.builder().service(counter).build()) {
            HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(emulator.httpClient()).build();
            try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET,
                    "https://management.azure.com/items/42?api-version=1"), com.azure.core.util.Context.NONE)) {
                assertThat(r.getStatusCode()).isEqualTo(200);
                assertThat(r.getBodyAsBinaryData().toString()).contains("\"id\":\"42\"")
                        .contains(Emulator.IN_PROCESS_BASE_URL + "/items/42");
            }
            try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.DELETE,
                    "https://x/items/1"), com.azure.core.util.Context.NONE)) {
                assertThat(r.getStatusCode()).isEqualTo(405);
            }
            try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://x/nothing"),
                    com.azure.core.util.Context.NONE)) {
                assertThat(r.getStatusCode()).isEqualTo(404);
            }
            assertThat(emulator.count("GET", "/items/.*")).isEqualTo(1);
            assertThat(emulator.requests().get(0).request().queryParam("api-version")).contains("1");
            assertThat(emulator.requests().get(0).service()).isEqualTo("counter");
        }
    }

    @Test
    void loopbackServerServesAndInjectsScriptedFaults() throws Exception {
        Counter counter = new Counter();
        FaultInjector faults = new FaultInjector()
                .on("GET", "/items/.*", FaultPlan.script(Fault.tooManyRequests(3), Fault.serviceUnavailable(), null));
        try (Emulator emulator = Emulator.builder().service(counter).faults(faults).build().start()) {
            assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create(emulator.baseUrl() + "/items/7");
            var first = client.send(java.net.http.HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).contains("3");
            assertThat(client.send(java.net.http.HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString())
                    .statusCode()).isEqualTo(503);
            var third = client.send(java.net.http.HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(third.body()).contains(emulator.baseUrl() + "/items/7");
            assertThat(counter.calls.get()).isEqualTo(1);
            var post = client.send(java.net.http.HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/items"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build(), BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(201);
            assertThat(post.body()).contains("hello");
        }
    }

    @Test
    void droppedConnectionReachesTheClientAsAnIoError() throws Exception {
        Counter counter = new Counter();
        FaultInjector faults = new FaultInjector().always(FaultPlan.always(Fault.drop()));
        try (Emulator emulator = Emulator.builder().service(counter).faults(faults).build().start()) {
            HttpClient client = HttpClient.newHttpClient();
            assertThatThrownBy(() -> client.send(java.net.http.HttpRequest.newBuilder(
                    URI.create(emulator.baseUrl() + "/items/1")).build(), BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(emulator.httpClient()).build();
            assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://x/items/1"),
                    com.azure.core.util.Context.NONE)).hasRootCauseInstanceOf(IOException.class);
            assertThat(counter.calls.get()).isZero();
            assertThat(emulator.requests()).allMatch(r -> r.fault() instanceof Fault.Drop);
        }
    }

    @Test
    void rateFaultsAreRepeatableForASeed() {
        FaultPlan a = FaultPlan.rate(11, 0.3, Fault.serviceUnavailable());
        FaultPlan b = FaultPlan.rate(11, 0.3, Fault.serviceUnavailable());
        EmulatorRequest r = new EmulatorRequest("GET", "h", "/", Map.of(), Map.of(), null);
        int hits = 0;
        for (int i = 0; i < 1000; i++) {
            boolean x = a.next(r).isPresent();
            assertThat(b.next(r).isPresent()).isEqualTo(x);
            hits += x ? 1 : 0;
        }
        assertThat(hits).isBetween(240, 360);
    }
}
