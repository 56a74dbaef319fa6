package dev.custommodels.testkit.implementation;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Forwards an exchange of the JDK HTTP server to another loopback server unchanged (method, path, query, headers,
 * streamed body) and streams the answer back. Azure Shared Key signatures do not cover the Host header, so a
 * forwarded request stays valid.
 */
public final class HttpForwarder {
    private static final Set<String> SKIPPED_REQUEST = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    private static final Set<String> SKIPPED_RESPONSE = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "date", ":status");

    private final URI target;
    private final HttpClient client;

    /**
     * Creates a forwarder.
     *
     * @param target the scheme, host and port to forward to, such as {@code http://127.0.0.1:10000}
     */
    public HttpForwarder(URI target) {
        this.target = Objects.requireNonNull(target, "target");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Forwards the exchange and writes the response; the exchange is closed afterwards.
     *
     * @param exchange the exchange
     * @throws IOException when the target cannot be reached
     */
    public void forward(HttpExchange exchange) throws IOException {
        URI uri = URI.create(target.getScheme() + "://" + target.getRawAuthority()
                + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        long length = contentLength(exchange);
        HttpRequest.BodyPublisher body = length > 0
                ? HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), length)
                : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(exchange.getRequestMethod(), body)
                .timeout(Duration.ofMinutes(5));
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            if (!SKIPPED_REQUEST.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                for (String v : h.getValue()) {
                    try {
                        request.header(h.getKey(), v);
                    } catch (IllegalArgumentException restricted) {
                        // a header the JDK client sets itself
                    }
                }
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding to " + target, e);
        }
        copyResponse(exchange, response);
    }

    private static void copyResponse(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (!SKIPPED_RESPONSE.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(h.getKey(), h.getValue());
            }
        }
        long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            if (head || status == 204 || status == 304) {
                if (declared >= 0 && head) {
                    exchange.getResponseHeaders().set("Content-Length", Long.toString(declared));
                }
                exchange.sendResponseHeaders(status, -1);
                in.transferTo(OutputStream.nullOutputStream());
            } else {
                exchange.sendResponseHeaders(status, declared == 0 ? -1 : declared < 0 ? 0 : declared);
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        } finally {
            exchange.close();
        }
    }

    /**
     * Returns the request's declared body length.
     *
     * @param exchange the exchange
     * @return the length, or 0 when there is none
     */
    public static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        return value == null ? 0 : Long.parseLong(value.trim());
    }
}
