package dev.custommodels.testkit.emulator.arm;

import java.util.Objects;

/**
 * A workspace the ARM emulator serves.
 *
 * @param subscriptionId the subscription
 * @param resourceGroup the resource group
 * @param name the workspace name
 * @param location the region
 * @param tenantId the tenant that owns the subscription
 * @param workspaceGuid the workspace's own guid
 */
public record EmulatedWorkspace(String subscriptionId, String resourceGroup, String name, String location,
        String tenantId, String workspaceGuid) {

    /**
     * Checks the parts.
     *
     * @param subscriptionId the subscription
     * @param resourceGroup the resource group
     * @param name the workspace name
     * @param location the region
     * @param tenantId the tenant that owns the subscription
     * @param workspaceGuid the workspace's own guid
     */
    public EmulatedWorkspace {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workspaceGuid, "workspaceGuid");
    }

    /**
     * Returns the ARM resource id.
     *
     * @return {@code /subscriptions/…/resourceGroups/…/providers/Microsoft.MachineLearningServices/workspaces/…}
     */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + name;
    }
}
