package dev.custommodels.runs;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An empty HTTP response of a status, for connectors in tests that fail as azure-core does. */
final class StatusResponse extends HttpResponse {
    private final int status;

    private StatusResponse(int status) {
        super(new HttpRequest(HttpMethod.GET, "https://service.example/jobs/1"));
        this.status = status;
    }

    static HttpResponseException error(int status) {
        return new HttpResponseException("Status code " + status, new StatusResponse(status), null);
    }

    @Override
    public int getStatusCode() {
        return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
        return null;
    }

    @Override
    public HttpHeaders getHeaders() {
        return new HttpHeaders();
    }

    @Override
    public Flux<ByteBuffer> getBody() {
        return Flux.empty();
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
        return Mono.just("");
    }
}
