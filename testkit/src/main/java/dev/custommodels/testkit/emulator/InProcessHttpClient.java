package dev.custommodels.testkit.emulator;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** An azure-core HTTP client that hands each request to an {@link Emulator} in the same process. */
final class InProcessHttpClient implements HttpClient {
    private final Emulator emulator;

    InProcessHttpClient(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> exchange(request)).subscribeOn(Schedulers.boundedElastic());
    }

    private HttpResponse exchange(HttpRequest request) throws IOException {
        URL url = request.getUrl();
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(h -> headers.put(h.getName(), h.getValue()));
        BinaryData data = request.getBodyAsBinaryData();
        byte[] body = data == null ? new byte[0] : data.toBytes();
        String path = java.net.URI.create(url.toString()).getPath();
        EmulatorRequest er = new EmulatorRequest(request.getHttpMethod().name(), url.getHost(),
                path == null || path.isEmpty() ? "/" : path, Emulator.parseQuery(url.getQuery()), headers, body);
        Emulator.Outcome outcome = emulator.dispatch(er);
        if (outcome.dropped()) {
            throw new IOException("Connection reset: dropped by an injected emulator fault.");
        }
        Emulator.pause(outcome.delay());
        return new Response(request, outcome.response());
    }

    private static final class Response extends HttpResponse {
        private final EmulatorResponse response;
        private final HttpHeaders headers = new HttpHeaders();

        Response(HttpRequest request, EmulatorResponse response) {
            super(request);
            this.response = response;
            response.headers().forEach((k, v) -> headers.set(HttpHeaderName.fromString(k), v));
            headers.set(HttpHeaderName.CONTENT_LENGTH, Integer.toString(response.body().length));
        }

        @Override
        public int getStatusCode() {
            return response.status();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.defer(() -> Flux.just(ByteBuffer.wrap(response.body())));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.fromSupplier(response::body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.fromSupplier(() -> new String(response.body(), charset));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(response.body());
        }
    }
}
