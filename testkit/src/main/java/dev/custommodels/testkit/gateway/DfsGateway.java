package dev.custommodels.testkit.gateway;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.custommodels.testkit.implementation.HttpForwarder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server that accepts the Data Lake ({@code dfs}) calls of the DataLake client and carries them out
 * as Blob calls against an upstream blob service (Azurite), which has no dfs endpoint. Blob calls (reads,
 * properties, metadata, file-system lifecycle) are forwarded unchanged.
 *
 * <p>Translated: file system listing ({@code GET ?resource=filesystem}, paged with {@code maxResults} and
 * continuation tokens like the service's), path create ({@code resource=file} and
 * {@code resource=directory}, with parents), append ({@code action=append}, as Put Block), flush
 * ({@code action=flush}, as Put Block List), rename ({@code x-ms-rename-source}, as copy then delete, refused
 * unless the destination's parent exists, like a hierarchical namespace), and delete (recursive for folders). The
 * conditional headers {@code If-Match} and {@code If-None-Match} on the destination, and
 * {@code x-ms-source-if-match} on a rename's source, are honoured. Directories are zero-byte blobs with metadata
 * {@code hdi_isfolder=true}, as the Blob API shows them on a real account.
 *
 * <p>This is the project's own fake of dfs semantics: it does not check Shared Key signatures of dfs calls
 * (forwarded blob calls are checked by the upstream) and renames only files. Label tests that use it as gateway
 * tests.
 *
 * <pre>{@code
 * try (DfsGateway gateway = DfsGateway.start(azurite.connectionString())) {
 *     DataLakeServiceClient dfs = new DataLakeServiceClientBuilder()
 *             .connectionString(gateway.connectionString()).buildClient();
 * }
 * }</pre>
 */
public final class DfsGateway implements AutoCloseable {
    /** The most paths one listing response holds unless told otherwise: the service's own limit. */
    public static final int DEFAULT_LIST_PAGE_SIZE = 5000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpForwarder forwarder;
    private final DfsOperations operations;
    private final String upstreamConnectionString;
    private final String accountName;
    private final AtomicLong translated = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();

    private DfsGateway(String upstreamConnectionString, int listPageSize) throws IOException {
        this.upstreamConnectionString = upstreamConnectionString;
        BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(upstreamConnectionString)
                .buildClient();
        this.accountName = blobs.getAccountName();
        URI upstream = URI.create(blobs.getAccountUrl());
        this.forwarder = new HttpForwarder(URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority()));
        this.operations = new DfsOperations(blobs, listPageSize);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dfs-gateway");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a gateway on a free loopback port in front of a blob service.
     *
     * @param upstreamConnectionString a connection string with an account key and a {@code BlobEndpoint}, such as
     *     Azurite's
     * @return the running gateway; close it to stop it
     * @throws UncheckedIOException when no port can be bound
     */
    public static DfsGateway start(String upstreamConnectionString) {
        return start(upstreamConnectionString, DEFAULT_LIST_PAGE_SIZE);
    }

    /**
     * Starts a gateway whose listings answer at most {@code listPageSize} paths a page, so that a test can make a
     * client follow continuation tokens without creating thousands of paths.
     *
     * @param upstreamConnectionString a connection string with an account key and a {@code BlobEndpoint}, such as
     *     Azurite's
     * @param listPageSize the most paths a listing response holds (the service's limit is 5000); a client's smaller
     *     {@code maxResults} wins
     * @return the running gateway; close it to stop it
     * @throws IllegalArgumentException when the page size is not positive
     * @throws UncheckedIOException when no port can be bound
     */
    public static DfsGateway start(String upstreamConnectionString, int listPageSize) {
        Objects.requireNonNull(upstreamConnectionString, "upstreamConnectionString");
        if (listPageSize <= 0) {
            throw new IllegalArgumentException("listPageSize must be positive, not " + listPageSize + ".");
        }
        try {
            return new DfsGateway(upstreamConnectionString, listPageSize);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the dfs gateway on a loopback port.", e);
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
     * Returns the endpoint to give a DataLake (or Blob) client: {@code http://127.0.0.1:<port>/<account>}.
     *
     * @return the endpoint
     */
    public String endpoint() {
        return "http://127.0.0.1:" + port() + "/" + accountName;
    }

    /**
     * Returns the upstream connection string with its blob endpoint replaced by this gateway. A secret: never log
     * it.
     *
     * @return the connection string
     */
    public String connectionString() {
        StringBuilder b = new StringBuilder();
        for (String part : upstreamConnectionString.split(";")) {
            if (!part.isBlank() && !part.regionMatches(true, 0, "BlobEndpoint=", 0, 13)) {
                b.append(part).append(';');
            }
        }
        return b.append("BlobEndpoint=").append(endpoint()).append(';').toString();
    }

    /**
     * Returns how many dfs calls the gateway translated, for tests that check the dfs path was taken.
     *
     * @return the count
     */
    public long translatedCalls() {
        return translated.get();
    }

    /**
     * Returns how many calls the gateway forwarded unchanged.
     *
     * @return the count
     */
    public long forwardedCalls() {
        return forwarded.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "DfsGateway{" + endpoint() + "}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            DfsRequest request = parse(exchange);
            if (operations.handles(request)) {
                translated.incrementAndGet();
                operations.handle(request);
            } else {
                forwarded.incrementAndGet();
                forwarder.forward(exchange);
            }
        } catch (BlobStorageException e) {
            String code = e.getErrorCode() == null ? "InternalError" : e.getErrorCode().toString();
            DfsResponses.error(exchange, e.getStatusCode(), DfsOperations.dfsCode(code), "Upstream: " + code);
        } catch (RuntimeException e) {
            DfsResponses.error(exchange, 500, "InternalError", "The dfs gateway failed: " + e);
        } finally {
            exchange.close();
        }
    }

    private static DfsRequest parse(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", 3) : path.split("/", 3);
        String fileSystem = parts.length > 1 ? parts[1] : "";
        String blobPath = parts.length > 2 ? parts[2] : "";
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(decode(key).toLowerCase(Locale.ROOT), decode(value));
            }
        }
        return new DfsRequest(exchange, exchange.getRequestMethod().toUpperCase(Locale.ROOT), fileSystem, blobPath,
                query);
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
