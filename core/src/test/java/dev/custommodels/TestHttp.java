package dev.custommodels;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An HTTP client that answers from a script of status codes and records the requests it saw. */
final class TestHttp implements HttpClient {
    private final Deque<int[]> script = new ArrayDeque<>();
    final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

    /**
     * Queues a response.
     *
     * @param status the status code
     * @param retryAfterSeconds the Retry-After header, or -1 for none
     * @return this client
     */
    synchronized TestHttp then(int status, int retryAfterSeconds) {
        script.add(new int[] {status, retryAfterSeconds});
        return this;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> sendSync(request, Context.NONE));
    }

    @Override
    public synchronized HttpResponse sendSync(HttpRequest request, Context context) {
        requests.add(request.copy());
        int[] next = script.isEmpty() ? new int[] {200, -1} : script.poll();
        HttpHeaders headers = new HttpHeaders();
        if (next[1] >= 0) {
            headers.set(HttpHeaderName.RETRY_AFTER, Integer.toString(next[1]));
        }
        return new Response(request, next[0], headers);
    }

    private static final class Response extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;

        Response(HttpRequest request, int status, HttpHeaders headers) {
            super(request);
            this.status = status;
            this.headers = headers;
        }

        @Override
        public int getStatusCode() {
            return status;
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
            return Flux.just(ByteBuffer.wrap(new byte[0]));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(new byte[0]);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just("");
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(new byte[0], charset == null ? StandardCharsets.UTF_8 : charset));
        }
    }
}
