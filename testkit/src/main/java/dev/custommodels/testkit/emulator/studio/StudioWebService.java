package dev.custommodels.testkit.emulator.studio;

/**
 * A web service of a {@link StudioClassicEmulator}: a classic one in a workspace with its default endpoint, or an
 * ARM ("new") one. Made by {@link StudioClassicEmulator#addWebService} or
 * {@link StudioClassicEmulator#addArmWebService}.
 */
public final class StudioWebService {
    private final StudioClassicEmulator emulator;
    private final StudioWorkspace workspace;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String id;
    private final String endpointId;
    private final StudioServiceSpec spec;
    private final String primaryKey;
    private final String secondaryKey;
    private final StudioWorkspace linkedWorkspace;

    StudioWebService(StudioClassicEmulator emulator, StudioWorkspace workspace, String subscriptionId,
            String resourceGroup, String id, String endpointId, StudioServiceSpec spec, String primaryKey,
            String secondaryKey, StudioWorkspace linkedWorkspace) {
        this.emulator = emulator;
        this.workspace = workspace;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.id = id;
        this.endpointId = endpointId;
        this.spec = spec;
        this.primaryKey = primaryKey;
        this.secondaryKey = secondaryKey;
        this.linkedWorkspace = linkedWorkspace;
    }

    /**
     * Returns the id connectors use as the service id: the classic web service id, or the ARM resource id.
     *
     * @return the id
     */
    public String serviceId() {
        return isArm() ? armId() : id;
    }

    /**
     * Returns the web service's own id (32 hex digits).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the name.
     *
     * @return the name
     */
    public String name() {
        return spec.name();
    }

    /**
     * Tells whether this is an ARM web service.
     *
     * @return {@code true} for ARM
     */
    public boolean isArm() {
        return workspace == null;
    }

    /**
     * Returns the ARM resource id of an ARM web service.
     *
     * @return the id, or {@code null} for a classic one
     */
    public String armId() {
        return isArm() ? "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.MachineLearning/webServices/" + spec.name() : null;
    }

    /**
     * Returns the workspace of a classic service, or the workspace an ARM service is linked to.
     *
     * @return the workspace, or {@code null}
     */
    public StudioWorkspace workspace() {
        return isArm() ? linkedWorkspace : workspace;
    }

    /**
     * Returns the spec.
     *
     * @return the spec
     */
    public StudioServiceSpec spec() {
        return spec;
    }

    /**
     * Returns the primary API key (a secret).
     *
     * @return the key
     */
    public String primaryKey() {
        return primaryKey;
    }

    /**
     * Returns the secondary API key (a secret).
     *
     * @return the key
     */
    public String secondaryKey() {
        return secondaryKey;
    }

    /**
     * Returns the subscription.
     *
     * @return the subscription id
     */
    public String subscriptionId() {
        return subscriptionId;
    }

    /**
     * Returns the resource group of an ARM service.
     *
     * @return the group, or {@code null}
     */
    public String resourceGroup() {
        return resourceGroup;
    }

    /**
     * Returns the path of the scoring endpoint, the base of {@code /execute}, {@code /jobs} and
     * {@code /swagger.json}.
     *
     * @return the path
     */
    public String scoringPath() {
        return isArm() ? "/subscriptions/" + subscriptionId + "/services/" + id
                : "/workspaces/" + workspace.workspaceId() + "/services/" + endpointId;
    }

    /**
     * Returns the endpoint's API location at the emulator's current base URL.
     *
     * @return the URL
     */
    public String apiLocation() {
        return emulator.baseUrl() + scoringPath();
    }
}
