package dev.custommodels.testkit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds a {@link CustomModelsTestEnvironment}. Not thread-safe. */
public final class CustomModelsTestEnvironmentBuilder {
    private boolean loopback;
    private Path directory;
    private final List<EmulatedBackend> backends = new ArrayList<>();

    /** Creates a builder: in process, a new temporary directory, the default backends. */
    public CustomModelsTestEnvironmentBuilder() {
    }

    /**
     * Serves the emulator over loopback (real HTTP on a free port of 127.0.0.1) rather than in process.
     *
     * @param enabled whether to serve over loopback; default {@code false}
     * @return this
     */
    public CustomModelsTestEnvironmentBuilder loopback(boolean enabled) {
        this.loopback = enabled;
        return this;
    }

    /**
     * Keeps the lake and datastores in a given directory, which {@link CustomModelsTestEnvironment#close()}
     * leaves in place; by default a new temporary directory is used and removed.
     *
     * @param dir the directory, created if needed
     * @return this
     */
    public CustomModelsTestEnvironmentBuilder directory(Path dir) {
        this.directory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Adds a backend; when none is added, {@link CustomModelsTestEnvironment#defaultBackends()} are installed.
     *
     * @param backend the backend, a new instance
     * @return this
     */
    public CustomModelsTestEnvironmentBuilder backend(EmulatedBackend backend) {
        backends.add(Objects.requireNonNull(backend, "backend"));
        return this;
    }

    /**
     * Builds the environment: seeds ARM and the backends, and starts serving over loopback when asked.
     *
     * @return the environment; close it
     * @throws UncheckedIOException if the directory cannot be made or the loopback server cannot bind
     * @throws IllegalStateException if serving over loopback and no azure-core HTTP client is on the class path
     */
    public CustomModelsTestEnvironment build() {
        Path dir;
        try {
            dir = directory == null ? Files.createTempDirectory("custom-models-test-")
                    : Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the test environment's directory", e);
        }
        List<EmulatedBackend> installed = List.copyOf(backends.isEmpty()
                ? CustomModelsTestEnvironment.defaultBackends() : backends);
        try {
            return new CustomModelsTestEnvironment(dir, directory == null, loopback, installed);
        } catch (IOException e) {
            cleanUp(dir);
            throw new UncheckedIOException("Could not start the emulator over loopback", e);
        } catch (RuntimeException e) {
            cleanUp(dir);
            throw e;
        }
    }

    private void cleanUp(Path dir) {
        if (directory == null) {
            Seeding.deleteTree(dir);
        }
    }
}
