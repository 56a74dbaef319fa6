package dev.custommodels.testkit.emulator.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A batch endpoint of the emulator: its deployments, its default deployment and its provisioning state. Its
 * scoring URI points back at the emulator.
 */
public final class EmulatedBatchEndpoint {
    private final BatchEndpointEmulator emulator;
    private final String workspaceId;
    private final String workspaceGuid;
    private final String name;
    private final String location;
    private final List<EmulatedBatchDeployment> deployments = new CopyOnWriteArrayList<>();
    private final Map<String, String> lowerNames = new ConcurrentHashMap<>();
    private volatile String provisioningState = "Succeeded";
    private volatile String authMode = "AADToken";
    private volatile String defaultDeployment;

    EmulatedBatchEndpoint(BatchEndpointEmulator emulator, String workspaceId, String workspaceGuid, String name,
            String location) {
        this.emulator = emulator;
        this.workspaceId = workspaceId;
        this.workspaceGuid = workspaceGuid;
        this.name = name;
        this.location = location;
    }

    /**
     * Adds a model deployment; the first deployment added becomes the default.
     *
     * @param deploymentName the deployment name
     * @param modelVersion the model version it serves
     * @return the deployment, to configure further
     */
    public EmulatedBatchDeployment modelDeployment(String deploymentName, EmulatedModelVersion modelVersion) {
        return add(new EmulatedBatchDeployment(deploymentName, EmulatedBatchDeployment.Kind.MODEL,
                modelVersion.id()));
    }

    /**
     * Adds a pipeline-component deployment; the first deployment added becomes the default.
     *
     * @param deploymentName the deployment name
     * @param component the component version it runs
     * @return the deployment, to configure further
     */
    public EmulatedBatchDeployment pipelineDeployment(String deploymentName, EmulatedComponentVersion component) {
        return add(new EmulatedBatchDeployment(deploymentName, EmulatedBatchDeployment.Kind.PIPELINE_COMPONENT,
                component.id()));
    }

    /**
     * Adds a deployment that refers to an asset by id without checking it, such as a registry component.
     *
     * @param deploymentName the deployment name
     * @param kind its kind
     * @param assetId the model or component version id
     * @return the deployment
     */
    public EmulatedBatchDeployment deployment(String deploymentName, EmulatedBatchDeployment.Kind kind,
            String assetId) {
        return add(new EmulatedBatchDeployment(deploymentName, kind, assetId));
    }

    private EmulatedBatchDeployment add(EmulatedBatchDeployment d) {
        if (lowerNames.putIfAbsent(d.name().toLowerCase(java.util.Locale.ROOT), d.name()) != null) {
            throw new IllegalArgumentException("Endpoint '" + name + "' already has a deployment '" + d.name() + "'.");
        }
        deployments.add(d);
        if (defaultDeployment == null) {
            defaultDeployment = d.name();
        }
        return d;
    }

    /**
     * Sets the default deployment; {@code null} leaves the endpoint without one.
     *
     * @param deploymentName the deployment name, or {@code null}
     * @return this
     */
    public EmulatedBatchEndpoint defaultDeployment(String deploymentName) {
        this.defaultDeployment = deploymentName;
        return this;
    }

    /**
     * Returns the default deployment's name.
     *
     * @return the name, or empty when none is set
     */
    public Optional<String> defaultDeployment() {
        return Optional.ofNullable(defaultDeployment);
    }

    /**
     * Sets the provisioning state (default {@code Succeeded}).
     *
     * @param state such as {@code Creating} or {@code Failed}
     * @return this
     */
    public EmulatedBatchEndpoint provisioningState(String state) {
        this.provisioningState = Objects.requireNonNull(state, "state");
        return this;
    }

    /**
     * Returns the provisioning state.
     *
     * @return the state
     */
    public String provisioningState() {
        return provisioningState;
    }

    /**
     * Sets the authentication mode (default {@code AADToken}).
     *
     * @param mode the mode
     * @return this
     */
    public EmulatedBatchEndpoint authMode(String mode) {
        this.authMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Returns the authentication mode.
     *
     * @return the mode
     */
    public String authMode() {
        return authMode;
    }

    /**
     * Finds a deployment by name, case-insensitively.
     *
     * @param deploymentName the name
     * @return the deployment, or empty
     */
    public Optional<EmulatedBatchDeployment> deployment(String deploymentName) {
        return deployments.stream().filter(d -> d.name().equalsIgnoreCase(deploymentName)).findFirst();
    }

    /**
     * Returns the deployments in order of creation.
     *
     * @return the deployments
     */
    public List<EmulatedBatchDeployment> deployments() {
        return new ArrayList<>(deployments);
    }

    /**
     * Returns the endpoint name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the workspace's resource id.
     *
     * @return the id
     */
    public String workspaceId() {
        return workspaceId;
    }

    /**
     * Returns the region.
     *
     * @return the region
     */
    public String location() {
        return location;
    }

    /**
     * Returns the ARM resource id of the endpoint.
     *
     * @return the id
     */
    public String id() {
        return workspaceId + "/batchEndpoints/" + name;
    }

    /**
     * Returns the scoring URI, which points back at the emulator's current base URL.
     *
     * @return the URI, ending with {@code /jobs}
     */
    public String scoringUri() {
        return emulator.baseUrl() + "/inference/" + workspaceGuid + "/" + name + "/jobs";
    }

    String workspaceGuid() {
        return workspaceGuid;
    }
}
