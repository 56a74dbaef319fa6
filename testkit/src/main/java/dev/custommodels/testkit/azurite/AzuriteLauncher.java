package dev.custommodels.testkit.azurite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts Azurite's blob service: in memory, telemetry off, on a free port of {@code 127.0.0.1}.
 *
 * <p>It runs {@code node_modules/.bin/azurite-blob} of the Azurite folder directly (never through {@code npx},
 * whose process would leave the server behind when killed), reads the port from the line Azurite prints, and
 * returns an {@link Azurite} that stops the process tree by pid. The folder is, in order: {@link #directory(Path)},
 * the system property {@value #DIRECTORY_PROPERTY}, or {@code testkit/azurite} found by searching upward from the
 * working directory.
 *
 * <pre>{@code
 * try (Azurite azurite = AzuriteLauncher.create().start()) {
 *     BlobServiceClient blobs = new BlobServiceClientBuilder()
 *             .connectionString(azurite.connectionString()).buildClient();
 * }
 * }</pre>
 */
public final class AzuriteLauncher {
    /** The system property naming the folder that holds Azurite's {@code package.json} and node_modules. */
    public static final String DIRECTORY_PROPERTY = "custommodels.azurite.dir";

    private static final Pattern LISTENING = Pattern.compile("listens on https?://[^\\s:/]+:(\\d+)");
    private static final int MIN_NODE_MAJOR = 20;
    private static final int KEPT_OUTPUT_LINES = 30;

    private Path directory;
    private Duration startTimeout = Duration.ofSeconds(60);
    private Integer extentMemoryLimitMb;

    private AzuriteLauncher() {
    }

    /**
     * Creates a launcher with the defaults: folder found as described above, 60 s start timeout, Azurite's default
     * in-memory limit (half the machine's memory).
     *
     * @return the launcher
     */
    public static AzuriteLauncher create() {
        return new AzuriteLauncher();
    }

    /**
     * Sets the folder holding Azurite's {@code package.json} and {@code node_modules}.
     *
     * @param directory the folder
     * @return this launcher
     */
    public AzuriteLauncher directory(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Sets how long to wait for Azurite to listen.
     *
     * @param timeout the timeout
     * @return this launcher
     */
    public AzuriteLauncher startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Caps the memory Azurite keeps blob data in ({@code --extentMemoryLimit}).
     *
     * @param megabytes the limit in MB
     * @return this launcher
     */
    public AzuriteLauncher extentMemoryLimitMb(int megabytes) {
        if (megabytes <= 0) {
            throw new IllegalArgumentException("The extent memory limit must be positive, not " + megabytes + ".");
        }
        this.extentMemoryLimitMb = megabytes;
        return this;
    }

    /**
     * Starts Azurite and waits until it listens.
     *
     * @return the running Azurite; close it to stop it
     * @throws IllegalStateException if Node.js 20+ is missing, Azurite is not installed, or it did not start in
     *     time; the message says what to do
     */
    public Azurite start() {
        Path dir = directory != null ? directory : locateDirectory();
        Path bin = dir.resolve("node_modules").resolve(".bin")
                .resolve(isWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!Files.isRegularFile(bin)) {
            throw new IllegalStateException("Azurite is not installed in " + dir + ": " + bin.getFileName()
                    + " is missing. Run the Maven build of the testkit module (it runs `npm ci` there), or run"
                    + " `node install.js` in that folder.");
        }
        checkNode();
        List<String> command = new ArrayList<>(List.of(bin.toString(), "--silent", "--inMemoryPersistence",
                "--disableTelemetry", "--blobHost", "127.0.0.1", "--blobPort", "0"));
        if (extentMemoryLimitMb != null) {
            command.add("--extentMemoryLimit");
            command.add(Integer.toString(extentMemoryLimitMb));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Azurite from " + bin + ": " + e.getMessage(), e);
        }
        return awaitListening(process);
    }

    /**
     * Finds the Azurite folder: the system property {@value #DIRECTORY_PROPERTY} if set, otherwise
     * {@code testkit/azurite} (or {@code azurite} inside a {@code testkit} folder) searched upward from the working
     * directory.
     *
     * @return the folder
     * @throws IllegalStateException naming the places searched when none is found
     */
    public static Path locateDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        List<Path> tried = new ArrayList<>();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("testkit").resolve("azurite"), p.resolve("azurite"))) {
                tried.add(candidate);
                if (Files.isRegularFile(candidate.resolve("package.json"))) {
                    return candidate.normalize();
                }
            }
        }
        throw new IllegalStateException("Cannot find the Azurite folder (testkit/azurite). Set the system property "
                + DIRECTORY_PROPERTY + " to it. Searched: " + tried);
    }

    private Azurite awaitListening(Process process) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader = new Thread(() -> readOutput(process, port, lastLines), "azurite-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return new Azurite(process, port.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            destroy(process);
            throw new IllegalStateException("Azurite did not start listening within " + startTimeout.toSeconds()
                    + " s. Its output: " + snapshot(lastLines), e);
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Azurite.", e);
        }
    }

    private static void readOutput(Process process, CompletableFuture<Integer> port, Deque<String> lastLines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (port.isDone()) {
                    continue; // keep draining so Azurite never blocks on a full pipe
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_OUTPUT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("Azurite exited with code "
                + (process.isAlive() ? "?" : process.exitValue()) + " before listening."));
    }

    private static String snapshot(Deque<String> lines) {
        synchronized (lines) {
            return lines.isEmpty() ? "(none)" : String.join(" | ", lines);
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void checkNode() {
        String version;
        try {
            Process node = new ProcessBuilder(isWindows() ? "node.exe" : "node", "--version")
                    .redirectErrorStream(true).start();
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            node.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Azurite needs Node.js, and `node` is not on the PATH. Install Node.js 20"
                    + " or newer (with npm) and make sure `node` is on the PATH.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the Node.js version.", e);
        }
        Matcher m = Pattern.compile("v(\\d+)\\.").matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < MIN_NODE_MAJOR) {
            throw new IllegalStateException("Azurite needs Node.js " + MIN_NODE_MAJOR + " or newer; `node --version`"
                    + " printed '" + version + "'. Install Node.js 20+ and make sure it is first on the PATH.");
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
