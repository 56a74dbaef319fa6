package dev.custommodels.testkit.junit;

import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link CustomModelsTestEnvironment} offers each {@link EmulatedBackend} while it is being built: the
 * seeded tenant, subscription, workspace and datastore, and places to register services, models and client
 * options. Not thread-safe; used only during {@link EmulatedBackend#install(BackendSetup)}.
 */
public final class BackendSetup {
    private final Seeding.Seed seed;
    private final List<EmulatedService> services = new ArrayList<>();
    private final Map<String, ModelReference> models = new LinkedHashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> endpointOptions = new ArrayList<>();
    private EmulatedBackend current;

    BackendSetup(Seeding.Seed seed) {
        this.seed = seed;
    }

    /**
     * Returns the ARM emulator, which holds the seeded subscription and workspace; backends of Azure Machine
     * Learning share it.
     *
     * @return the ARM emulator
     */
    public ArmEmulator arm() {
        return seed.arm();
    }

    /**
     * Returns the seeded tenant.
     *
     * @return the tenant id
     */
    public String tenantId() {
        return CustomModelsTestEnvironment.TENANT_ID;
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
     * Returns the store behind the workspace's default datastore
     * ({@value CustomModelsTestEnvironment#DATASTORE_NAME}), to seed sample data in.
     *
     * @return the store
     */
    public LakeStore datastore() {
        return seed.datastore();
    }

    /**
     * Returns the object id of the host's service principal in the seeded tenant.
     *
     * @return the object id
     */
    public String servicePrincipalId() {
        return CustomModelsTestEnvironment.SERVICE_PRINCIPAL_ID;
    }

    /**
     * Returns a directory of the environment for the backend's own files, removed when the environment closes.
     *
     * @return the directory
     */
    public Path directory() {
        return seed.directory();
    }

    /**
     * Adds a service to the emulator; ARM's routes come first, then the backends' in the order they are installed.
     *
     * @param service the service
     * @return this
     */
    public BackendSetup service(EmulatedService service) {
        services.add(Objects.requireNonNull(service, "service"));
        return this;
    }

    /**
     * Registers a seeded model under a name, which {@link CustomModelsTestEnvironment#model(String)} finds.
     *
     * @param name the name, unique in the environment (the service's display name is a good choice)
     * @param model the reference
     * @return this
     * @throws IllegalArgumentException if the name is taken or the reference is of another connector
     */
    public BackendSetup model(String name, ModelReference model) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (current != null && !current.connector().equals(model.connector())) {
            throw new IllegalArgumentException("Backend " + current.getClass().getName() + " serves connector '"
                    + current.connector() + "' but registered model '" + name + "' of connector '"
                    + model.connector() + "'.");
        }
        if (models.putIfAbsent(name, model) != null) {
            throw new IllegalArgumentException("Two seeded models are named '" + name + "'.");
        }
        return this;
    }

    /**
     * Registers a model of the seeded workspace under a name.
     *
     * @param name the name, unique in the environment
     * @param serviceId the service id as the connector lists it
     * @return the reference
     */
    public ModelReference workspaceModel(String name, String serviceId) {
        ModelReference ref = new ModelReference(current == null ? "unknown" : current.connector(), tenantId(),
                workspace().id(), serviceId, null);
        model(name, ref);
        return ref;
    }

    /**
     * Sets a client option for the connectors.
     *
     * @param key the option key
     * @param value the value
     * @return this
     */
    public BackendSetup option(String key, String value) {
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Declares a client option that takes the emulator's base URL when it serves over loopback (an endpoint
     * override); in process, the option is left unset so the connector keeps its default host, which the
     * in-process HTTP client serves too.
     *
     * @param key the option key
     * @return this
     */
    public BackendSetup endpointOption(String key) {
        endpointOptions.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    void install(EmulatedBackend backend) {
        current = backend;
        try {
            backend.install(this);
        } finally {
            current = null;
        }
    }

    List<EmulatedService> services() {
        return services;
    }

    Map<String, ModelReference> models() {
        return models;
    }

    Map<String, String> options(String baseUrl, boolean loopback) {
        Map<String, String> all = new LinkedHashMap<>(options);
        if (loopback) {
            endpointOptions.forEach(k -> all.put(k, baseUrl));
        }
        return all;
    }
}
