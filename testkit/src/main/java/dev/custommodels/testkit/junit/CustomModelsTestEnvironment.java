package dev.custommodels.testkit.junit;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.DatastoreResolver;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.CallerRole;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Emulated Azure for a host application's tests and for examples: one tenant with one subscription and one Azure
 * Machine Learning workspace, whose datastore and the client's lake live in a directory of their own, and the
 * model backends ({@link EmulatedBackend}s) seeded with models, each eligible and ineligible. The emulator serves
 * in process by default, or over loopback (real HTTP on 127.0.0.1).
 *
 * <pre>{@code
 * try (CustomModelsTestEnvironment azure = CustomModelsTestEnvironment.builder().loopback(true).build()) {
 *     CustomModelsClient client = azure.clientBuilder().entityCatalog(catalog).buildClient();
 *     client.listServices("aml-pipeline", azure.tenantId(), azure.workspace().id());
 * }
 * }</pre>
 *
 * <p>{@link CustomModelsTest} creates one per test class. Thread-safe once built; {@link #close()} stops the
 * emulator and removes the directory (unless the builder was given one).
 */
public final class CustomModelsTestEnvironment implements AutoCloseable {
    /** The seeded tenant. */
    public static final String TENANT_ID = "7d4c1a2e-5b1f-4c6e-9a3d-2f8e6b0c1d4a";
    /** The seeded subscription, owned by {@link #TENANT_ID}. */
    public static final String SUBSCRIPTION_ID = "3b9f0c2d-8e4a-4f1b-a6c7-5d2e9f0a1b3c";
    /** The resource group of the seeded workspace. */
    public static final String RESOURCE_GROUP = "rg-customer-models";
    /** The name of the seeded Azure Machine Learning workspace. */
    public static final String WORKSPACE_NAME = "ml-customer-models";
    /** The region of the seeded workspace. */
    public static final String REGION = "westeurope";
    /** The name of the workspace's default datastore. */
    public static final String DATASTORE_NAME = "workspaceblobstore";
    /** The storage account the datastore reports. */
    public static final String DATASTORE_ACCOUNT = "cmtestsa";
    /** The container the datastore reports. */
    public static final String DATASTORE_CONTAINER = "azureml-blobstore";
    /** The object id of the host's service principal, which saving a pipeline workflow grants Contributor. */
    public static final String SERVICE_PRINCIPAL_ID = "5e1f9a7c-2b3d-4e8f-9a0b-c1d2e3f4a5b6";

    private final Path directory;
    private final boolean ownsDirectory;
    private final boolean loopback;
    private final Seeding.Seed seed;
    private final Emulator emulator;
    private final HttpClient httpClient;
    private final FakeTokenCredential credential = new FakeTokenCredential(TENANT_ID);
    private final List<EmulatedBackend> backends;
    private final Map<String, ModelReference> models;
    private final Map<String, String> options;
    private final LocalLakeStore lake;

    private CustomModelsTestEnvironment(Builder builder, Path directory) throws IOException {
        this.directory = directory;
        this.ownsDirectory = builder.directory == null;
        this.loopback = builder.loopback;
        this.backends = List.copyOf(builder.backends.isEmpty() ? defaultBackends() : builder.backends);
        this.seed = Seeding.seed(directory);
        this.lake = new LocalLakeStore(lakeDirectory());
        BackendSetup setup = new BackendSetup(seed);
        setup.endpointOption(ArmClient.ENDPOINT_OPTION);
        backends.forEach(setup::install);
        Emulator.Builder emulatorBuilder = Emulator.builder().service(seed.arm());
        setup.services().forEach(emulatorBuilder::service);
        this.emulator = emulatorBuilder.build();
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(setup.models()));
        try {
            this.httpClient = loopback ? loopbackClient(emulator.start()) : emulator.httpClient();
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        this.options = Collections.unmodifiableMap(setup.options(emulator.baseUrl(), loopback));
    }

    /**
     * Returns the backends used when a builder is given none: today the Azure Machine Learning pipeline
     * backend.
     *
     * @return new backend instances
     */
    public static List<EmulatedBackend> defaultBackends() {
        return List.of(new AmlPipelineBackend());
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static HttpClient loopbackClient(Emulator started) {
        try {
            return HttpClient.createDefault();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Serving the emulators over loopback needs an azure-core HTTP client"
                    + " on the class path, such as com.azure:azure-core-http-netty (test scope); or serve them in"
                    + " process (loopback = false).", e);
        }
    }

    /**
     * Returns a new client builder wired to the emulators: the lake directory, the HTTP client, the tenant's
     * credential (also as the default credential), the datastore resolver, the connector options (endpoint
     * overrides, the service principal), retries without delay and a zero poll interval. Add the host's entity
     * catalog and build.
     *
     * @return a new builder
     */
    public CustomModelsClientBuilder clientBuilder() {
        CustomModelsClientBuilder builder = new CustomModelsClientBuilder()
                .lakeDirectory(lakeDirectory())
                .httpClient(httpClient)
                .credential(credential)
                .credential(TENANT_ID, credential)
                .datastoreResolver(datastoreResolver())
                .retryOptions(new RetryOptions(new FixedDelayOptions(3, Duration.ZERO)))
                .pollInterval(Duration.ZERO);
        options.forEach(builder::option);
        return builder;
    }

    /**
     * Returns the seeded model registered under a name.
     *
     * @param name the name, such as {@link AmlPipelineBackend#SCORING_ENDPOINT}
     * @return the model
     * @throws IllegalArgumentException listing the seeded names when there is none by that name
     */
    public ModelReference model(String name) {
        ModelReference model = models.get(name);
        if (model == null) {
            throw new IllegalArgumentException("No seeded model is named '" + name + "'. Seeded: "
                    + models.keySet() + ".");
        }
        return model;
    }

    /**
     * Returns every seeded model, eligible or not, by name in the order the backends registered them.
     *
     * @return the models
     */
    public Map<String, ModelReference> models() {
        return models;
    }

    /**
     * Returns an installed backend by type, for its own emulator and seeding details.
     *
     * @param <T> the backend type
     * @param type the backend's class
     * @return the backend
     * @throws IllegalArgumentException listing the installed backends when none is of that type
     */
    public <T extends EmulatedBackend> T backend(Class<T> type) {
        for (EmulatedBackend b : backends) {
            if (type.isInstance(b)) {
                return type.cast(b);
            }
        }
        throw new IllegalArgumentException("No backend of type " + type.getName() + " is installed. Installed: "
                + backends.stream().map(b -> b.getClass().getSimpleName()).toList() + ".");
    }

    /**
     * Returns the installed backends.
     *
     * @return the backends in order of installation
     */
    public List<EmulatedBackend> backends() {
        return backends;
    }

    /**
     * Returns the emulator that hosts every service, for fault injection and request counts.
     *
     * @return the emulator
     */
    public Emulator emulator() {
        return emulator;
    }

    /**
     * Returns the ARM emulator: the caller's role on workspaces, the role assignments made, more workspaces.
     *
     * @return the ARM emulator
     */
    public ArmEmulator arm() {
        return seed.arm();
    }

    /**
     * Returns the seeded Azure Machine Learning workspace.
     *
     * @return the workspace
     */
    public EmulatedWorkspace workspace() {
        return seed.workspace();
    }

    /**
     * Returns the seeded tenant.
     *
     * @return {@link #TENANT_ID}
     */
    public String tenantId() {
        return TENANT_ID;
    }

    /**
     * Returns the object id of the host's service principal that the connectors are configured with.
     *
     * @return {@link #SERVICE_PRINCIPAL_ID}
     */
    public String servicePrincipalId() {
        return SERVICE_PRINCIPAL_ID;
    }

    /**
     * Returns the credential of the seeded tenant, which records the scopes requested.
     *
     * @return the credential
     */
    public FakeTokenCredential credential() {
        return credential;
    }

    /**
     * Returns the HTTP client the client builder is given: in process, or a real client for loopback.
     *
     * @return the HTTP client
     */
    public HttpClient httpClient() {
        return httpClient;
    }

    /**
     * Returns the connector options the client builder is given.
     *
     * @return the options by key
     */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Returns the resolver that opens the emulated datastores.
     *
     * @return the resolver
     */
    public DatastoreResolver datastoreResolver() {
        return seed.arm()::datastoreStore;
    }

    /**
     * Returns the store behind the workspace's default datastore ({@value #DATASTORE_NAME}).
     *
     * @return the store
     */
    public LakeStore datastore() {
        return seed.datastore();
    }

    /**
     * Returns the directory of the client's lake.
     *
     * @return the lake directory
     */
    public Path lakeDirectory() {
        return directory.resolve("lake");
    }

    /**
     * Returns a store over the client's lake, to look at what the client wrote.
     *
     * @return the store
     */
    public LakeStore lake() {
        return lake;
    }

    /**
     * Tells whether the emulator serves over loopback.
     *
     * @return {@code true} for real HTTP on 127.0.0.1
     */
    public boolean isLoopback() {
        return loopback;
    }

    /**
     * Returns the emulator's base URL: {@code http://127.0.0.1:<port>} over loopback, else
     * {@link Emulator#IN_PROCESS_BASE_URL}.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return emulator.baseUrl();
    }

    /**
     * Forgets the fault rules and recorded requests, and gives the caller back the Owner role on every workspace
     * without a role of its own. Seeded models, role assignments, runs and the lake stay.
     * {@link CustomModelsExtension} calls this before each test.
     */
    public void reset() {
        emulator.faults().clear();
        emulator.clearRequests();
        seed.arm().callerRole(CallerRole.OWNER);
    }

    /** Stops the emulator and removes the directory, unless the builder was given it. Idempotent. */
    @Override
    public void close() {
        emulator.close();
        if (ownsDirectory) {
            Seeding.deleteTree(directory);
        }
    }

    @Override
    public String toString() {
        return "CustomModelsTestEnvironment{" + (loopback ? "loopback " + emulator.baseUrl() : "in process")
                + ", models=" + models.keySet() + "}";
    }

    /** Builds a {@link CustomModelsTestEnvironment}. Not thread-safe. */
    public static final class Builder {
        private boolean loopback;
        private Path directory;
        private final List<EmulatedBackend> backends = new ArrayList<>();

        private Builder() {
        }

        /**
         * Serves the emulator over loopback (real HTTP on a free port of 127.0.0.1) rather than in process.
         *
         * @param enabled whether to serve over loopback; default {@code false}
         * @return this
         */
        public Builder loopback(boolean enabled) {
            this.loopback = enabled;
            return this;
        }

        /**
         * Keeps the lake and datastores in a given directory, which {@link #close()} leaves in place; by default
         * a new temporary directory is used and removed.
         *
         * @param dir the directory, created if needed
         * @return this
         */
        public Builder directory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Adds a backend; when none is added, {@link #defaultBackends()} are installed.
         *
         * @param backend the backend, a new instance
         * @return this
         */
        public Builder backend(EmulatedBackend backend) {
            backends.add(Objects.requireNonNull(backend, "backend"));
            return this;
        }

        /**
         * Builds the environment: seeds ARM and the backends, and starts serving over loopback when asked.
         *
         * @return the environment; close it
         * @throws UncheckedIOException if the directory cannot be made or the loopback server cannot bind
         * @throws IllegalStateException if serving over loopback and no azure-core HTTP client is on the class
         *     path
         */
        public CustomModelsTestEnvironment build() {
            Path dir;
            try {
                dir = directory == null ? Files.createTempDirectory("custom-models-test-")
                        : Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the test environment's directory", e);
            }
            try {
                return new CustomModelsTestEnvironment(this, dir);
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
}
