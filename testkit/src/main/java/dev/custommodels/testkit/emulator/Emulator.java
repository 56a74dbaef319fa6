package dev.custommodels.testkit.emulator;

import com.azure.core.http.HttpClient;
import com.azure.core.util.logging.ClientLogger;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Hosts emulated services in process, as an azure-core {@link HttpClient} to hand to a client builder, and over
 * loopback, as a real HTTP server on 127.0.0.1 with a free port (so the default Netty transport is exercised
 * too). It injects faults by rule and records every request.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().service(new StudioClassicEmulator(...)).build()) {
 *     emulator.start();                       // optional: serve over loopback
 *     String base = emulator.baseUrl();       // point the connector's endpoint options here
 *     HttpClient http = emulator.httpClient(); // or use in process
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    /** The base URL services hand out while the emulator serves in process only. */
    public static final String IN_PROCESS_BASE_URL = "http://emulator.invalid";
    private static final ClientLogger LOGGER = new ClientLogger(Emulator.class);

    private final List<ServiceRoutes> services;
    private final FaultInjector faults;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final boolean recordBodies;
    private volatile String baseUrl = IN_PROCESS_BASE_URL;
    private HttpServer server;
    private ExecutorService executor;

    private record ServiceRoutes(EmulatedService service, Routes routes) {
    }

    /** The outcome of dispatching a request: a response, or a dropped connection. */
    record Outcome(EmulatorResponse response, boolean dropped, Duration delay) {
    }

    private Emulator(Builder builder) {
        this.faults = builder.faults;
        this.recordBodies = builder.recordBodies;
        List<ServiceRoutes> list = new ArrayList<>();
        for (EmulatedService s : builder.services) {
            Routes routes = new Routes();
            s.register(routes);
            list.add(new ServiceRoutes(s, routes));
        }
        this.services = List.copyOf(list);
        services.forEach(s -> s.service().baseUrl(baseUrl));
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns an in-process azure-core HTTP client that dispatches to the services directly, whatever host a
     * request names.
     *
     * @return the client
     */
    public HttpClient httpClient() {
        return new InProcessHttpClient(this);
    }

    /**
     * Starts serving over loopback on a free port of 127.0.0.1; services are told the new base URL.
     *
     * @return this
     * @throws IOException if the server cannot bind
     */
    public synchronized Emulator start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        services.forEach(s -> s.service().baseUrl(baseUrl));
        return this;
    }

    /**
     * Returns the base URL services are reachable at: the loopback URL once started, else
     * {@link #IN_PROCESS_BASE_URL}.
     *
     * @return the base URL without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the fault rules, to add or clear rules while running.
     *
     * @return the injector
     */
    public FaultInjector faults() {
        return faults;
    }

    /**
     * Returns every request received so far, in order of arrival.
     *
     * @return a snapshot of the record
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Counts the recorded requests that match.
     *
     * @param which which requests to count
     * @return the count
     */
    public long count(Predicate<EmulatorRequest> which) {
        return requests.stream().filter(r -> which.test(r.request())).count();
    }

    /**
     * Counts the recorded requests with a method and a path matching a regular expression, faults included.
     *
     * @param method the method
     * @param pathRegex the regular expression the whole path matches
     * @return the count
     */
    public long count(String method, String pathRegex) {
        return count(r -> r.method().equalsIgnoreCase(method) && r.path().matches(pathRegex));
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    /** Stops the loopback server, if started. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    Outcome dispatch(EmulatorRequest request) {
        Optional<Fault> fault = faults.next(request);
        Duration delay = Duration.ZERO;
        if (fault.isPresent()) {
            Fault f = fault.get();
            if (f instanceof Fault.Drop) {
                record(null, request, 0, f);
                return new Outcome(null, true, Duration.ZERO);
            }
            if (f instanceof Fault.Status status) {
                record(null, request, status.response().status(), f);
                return new Outcome(status.response(), false, Duration.ZERO);
            }
            delay = ((Fault.Delay) f).delay();
        }
        for (ServiceRoutes s : services) {
            Optional<Routes.Match> match = s.routes().match(request);
            if (match.isPresent()) {
                EmulatorResponse response = invoke(s.service(), match.get(), request);
                record(s.service().name(), request, response.status(), fault.orElse(null));
                return new Outcome(response, false, delay);
            }
        }
        boolean pathKnown = services.stream().anyMatch(s -> s.routes().matchesPathOnly(request));
        EmulatorResponse response = pathKnown
                ? EmulatorResponse.error(405, "MethodNotAllowed", "The method " + request.method()
                        + " is not allowed on " + request.path() + ".")
                : EmulatorResponse.error(404, "NotFound", "No emulated resource at " + request.path() + ".");
        record(null, request, response.status(), fault.orElse(null));
        return new Outcome(response, false, delay);
    }

    private EmulatorResponse invoke(EmulatedService service, Routes.Match match, EmulatorRequest request) {
        try {
            return match.handler().handle(request, match.vars());
        } catch (Exception e) {
            LOGGER.warning("Emulated service {} failed on {}: {}", service.name(), request, e.toString());
            return EmulatorResponse.error(500, "InternalServerError",
                    "The emulated service " + service.name() + " failed: " + e);
        }
    }

    private void record(String service, EmulatorRequest request, int status, Fault fault) {
        EmulatorRequest kept = recordBodies ? request
                : new EmulatorRequest(request.method(), request.host(), request.path(), request.query(),
                        request.headers(), new byte[0]);
        requests.add(new RecordedRequest(service, kept, status, fault));
    }

    static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos()); // emulated service latency, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String host = exchange.getRequestHeaders().getFirst("Host");
            EmulatorRequest request = new EmulatorRequest(exchange.getRequestMethod(), host, uri.getPath(),
                    parseQuery(uri.getRawQuery()), headers, body);
            Outcome outcome = dispatch(request);
            if (outcome.dropped()) {
                throw new IOException("connection dropped by an injected fault");
            }
            pause(outcome.delay());
            EmulatorResponse response = outcome.response();
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean noBody = response.body().length == 0 || "HEAD".equals(request.method());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    /** Builds an {@link Emulator}. */
    public static final class Builder {
        private final List<EmulatedService> services = new ArrayList<>();
        private FaultInjector faults = new FaultInjector();
        private boolean recordBodies = true;

        private Builder() {
        }

        /**
         * Adds a service; routes are matched in the order services were added.
         *
         * @param service the service
         * @return this
         */
        public Builder service(EmulatedService service) {
            services.add(service);
            return this;
        }

        /**
         * Sets the fault rules.
         *
         * @param injector the rules
         * @return this
         */
        public Builder faults(FaultInjector injector) {
            this.faults = injector;
            return this;
        }

        /**
         * Chooses whether the request record keeps bodies (default {@code true}); turn it off for large runs.
         *
         * @param keep whether to keep bodies
         * @return this
         */
        public Builder recordBodies(boolean keep) {
            this.recordBodies = keep;
            return this;
        }

        /**
         * Builds the emulator, serving in process until {@link Emulator#start()}.
         *
         * @return the emulator
         */
        public Emulator build() {
            return new Emulator(this);
        }
    }
}
