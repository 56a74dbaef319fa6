package dev.custommodels.testkit.azurite;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A running Azurite blob service on a loopback port. Stop it with {@link #close()}; a JVM shutdown hook stops it
 * too if nobody did. Thread-safe.
 *
 * <p>The account is Azurite's well-known development account {@value #ACCOUNT_NAME}. Its key is public, but this
 * class still keeps it out of {@link #toString()} so that logs look the same as with a real account.
 */
public final class Azurite implements AutoCloseable {
    /** The development account every Azurite serves. */
    public static final String ACCOUNT_NAME = "devstoreaccount1";

    /** The well-known, published key of {@link #ACCOUNT_NAME}. */
    static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    Azurite(Process process, int port) {
        this.process = Objects.requireNonNull(process, "process");
        this.port = port;
        this.shutdownHook = new Thread(this::destroyTree, "azurite-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Returns the port the blob service listens on, on {@code 127.0.0.1}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the process id of the Azurite node process.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Returns the blob service endpoint, path-style: {@code http://127.0.0.1:<port>/devstoreaccount1}.
     *
     * @return the endpoint
     */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT_NAME;
    }

    /**
     * Returns a connection string for the development account at this Azurite. Treat it as a secret, as you would
     * a real one: never log it.
     *
     * @return the connection string
     */
    public String connectionString() {
        return connectionString(blobEndpoint());
    }

    /**
     * Returns a connection string for the development account at another blob endpoint, such as a fault proxy or
     * the dfs gateway in front of this Azurite. Treat it as a secret.
     *
     * @param endpoint the blob endpoint, including the account path segment
     * @return the connection string
     */
    public static String connectionString(String endpoint) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + endpoint + ";";
    }

    /**
     * Returns the account key of the development account, for tests that need a raw key (such as a shared key
     * credential). It is published by Microsoft and has no value outside Azurite.
     *
     * @return the key
     */
    public static String developmentAccountKey() {
        return ACCOUNT_KEY;
    }

    /**
     * Tells whether the Azurite process is still running.
     *
     * @return {@code true} while it runs
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Azurite and every process it started, by process id. Calling it again does nothing. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        destroyTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to undo
        }
    }

    private synchronized void destroyTree() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "Azurite{pid=" + process.pid() + ", endpoint=" + blobEndpoint() + (stopped ? ", stopped" : "") + "}";
    }
}
