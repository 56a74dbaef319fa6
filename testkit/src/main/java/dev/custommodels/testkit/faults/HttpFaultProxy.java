package dev.custommodels.testkit.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.custommodels.testkit.implementation.HttpForwarder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy that answers chosen requests with an error status, such as {@code 503 Server Busy},
 * before letting the following ones through to the target unchanged. An injected answer carries an Azure-style
 * error ({@code x-ms-error-code} and an XML body) and the request's body is read but never forwarded.
 *
 * <pre>{@code
 * try (HttpFaultProxy proxy = HttpFaultProxy.start("http://127.0.0.1:" + azurite.port())) {
 *     proxy.failNext(2, 503, "PUT", "comp=block");   // the next two Put Block calls get 503
 *     // point the client at proxy.endpoint("/devstoreaccount1")
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class HttpFaultProxy implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpForwarder forwarder;
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile Rule rule;

    private record Rule(AtomicInteger remaining, int status, String method, String queryContains) {
        boolean matches(HttpExchange exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            return (method == null || method.equalsIgnoreCase(exchange.getRequestMethod()))
                    && (queryContains == null || (query != null && query.contains(queryContains)));
        }
    }

    private HttpFaultProxy(URI target) throws IOException {
        this.forwarder = new HttpForwarder(target);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-fault-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a proxy on a free loopback port.
     *
     * @param target the scheme, host and port to forward to, such as {@code http://127.0.0.1:10000}
     * @return the proxy; close it to stop it
     * @throws UncheckedIOException when no port can be bound
     */
    public static HttpFaultProxy start(String target) {
        Objects.requireNonNull(target, "target");
        try {
            return new HttpFaultProxy(URI.create(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the HTTP fault proxy.", e);
        }
    }

    /**
     * Returns the port.
     *
     * @return the loopback port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Returns a URL of this proxy.
     *
     * @param path the path, such as {@code /devstoreaccount1}
     * @return {@code http://127.0.0.1:<port><path>}
     */
    public String endpoint(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /**
     * Answers the next requests with a status, whatever they are.
     *
     * @param times how many requests
     * @param status the status, such as 503
     * @return this proxy
     */
    public HttpFaultProxy failNext(int times, int status) {
        return failNext(times, status, null, null);
    }

    /**
     * Answers the next matching requests with a status; others pass.
     *
     * @param times how many requests
     * @param status the status, such as 503
     * @param method the HTTP method to match, or {@code null} for any
     * @param queryContains text the raw query must contain (such as {@code comp=block}), or {@code null} for any
     * @return this proxy
     */
    public HttpFaultProxy failNext(int times, int status, String method, String queryContains) {
        if (times < 0 || status < 400) {
            throw new IllegalArgumentException("Fail a non-negative number of requests with a 4xx or 5xx status.");
        }
        rule = new Rule(new AtomicInteger(times), status, method, queryContains);
        return this;
    }

    /**
     * Returns how many requests got an injected error.
     *
     * @return the count
     */
    public int injected() {
        return injected.get();
    }

    /**
     * Returns how many requests were forwarded.
     *
     * @return the count
     */
    public int forwarded() {
        return forwarded.get();
    }

    /** Stops the proxy. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "HttpFaultProxy{port=" + port() + ", injected=" + injected + "}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        Rule current = rule;
        try {
            if (current != null && current.matches(exchange) && current.remaining().getAndDecrement() > 0) {
                injected.incrementAndGet();
                inject(exchange, current.status());
            } else {
                forwarded.incrementAndGet();
                forwarder.forward(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private static void inject(HttpExchange exchange, int status) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String code = status == 503 ? "ServerBusy" : status == 500 ? "InternalError" : "InjectedFault";
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code
                + "</Code><Message>Injected by HttpFaultProxy.</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-ms-error-code", code);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        boolean head = "HEAD".equals(exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
