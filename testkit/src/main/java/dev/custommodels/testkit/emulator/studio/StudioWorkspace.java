package dev.custommodels.testkit.emulator.studio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A classic workspace of a {@link StudioClassicEmulator}, made by {@link StudioClassicEmulator#addWorkspace}. */
public final class StudioWorkspace {
    private final String subscriptionId;
    private final String resourceGroup;
    private final String name;
    private final String location;
    private final String workspaceId;
    private final String primaryToken;
    private final String secondaryToken;
    final List<StudioWebService> services = new CopyOnWriteArrayList<>();

    StudioWorkspace(String subscriptionId, String resourceGroup, String name, String location, String workspaceId,
            String primaryToken, String secondaryToken) {
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.location = location;
        this.workspaceId = workspaceId;
        this.primaryToken = primaryToken;
        this.secondaryToken = secondaryToken;
    }

    /**
     * Returns the ARM resource id, the id connectors list.
     *
     * @return {@code /subscriptions/…/resourceGroups/…/providers/Microsoft.MachineLearning/workspaces/…}
     */
    public String armId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.MachineLearning/workspaces/" + name;
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
     * Returns the resource group.
     *
     * @return the resource group
     */
    public String resourceGroup() {
        return resourceGroup;
    }

    /**
     * Returns the name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the region.
     *
     * @return the location, such as {@code southcentralus}
     */
    public String location() {
        return location;
    }

    /**
     * Returns the classic workspace id used in management and scoring URLs.
     *
     * @return 32 hex digits
     */
    public String workspaceId() {
        return workspaceId;
    }

    /**
     * Returns the primary workspace token (a secret), the management API's credential.
     *
     * @return the token
     */
    public String primaryToken() {
        return primaryToken;
    }

    /**
     * Returns the secondary workspace token (a secret).
     *
     * @return the token
     */
    public String secondaryToken() {
        return secondaryToken;
    }

    /**
     * Returns the web services published in this workspace.
     *
     * @return the services
     */
    public List<StudioWebService> services() {
        return List.copyOf(services);
    }
}
