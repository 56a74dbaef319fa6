package dev.custommodels.spi.azure;

import java.util.Objects;

/**
 * An Azure Machine Learning workspace ({@code Microsoft.MachineLearningServices/workspaces}).
 *
 * @param id the ARM resource id
 * @param name the workspace name
 * @param location the Azure region, such as {@code eastus}
 * @param discoveryUrl the URL of the workspace's service discovery document, or {@code null}
 * @param workspaceGuid the workspace's own guid ({@code properties.workspaceId}), or {@code null}
 * @param friendlyName the friendly name, or the name when none is set
 */
public record ArmWorkspace(String id, String name, String location, String discoveryUrl, String workspaceGuid,
        String friendlyName) {

    /**
     * Checks id and name and defaults the friendly name.
     *
     * @param id the ARM resource id
     * @param name the workspace name
     * @param location the Azure region, such as {@code eastus}
     * @param discoveryUrl the URL of the workspace's service discovery document, or {@code null}
     * @param workspaceGuid the workspace's own guid ({@code properties.workspaceId}), or {@code null}
     * @param friendlyName the friendly name, or the name when none is set
     */
    public ArmWorkspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        friendlyName = friendlyName == null || friendlyName.isBlank() ? name : friendlyName;
    }

    /**
     * Returns the parts of the resource id.
     *
     * @return the parts
     * @throws IllegalArgumentException if the id is not resource-group scoped
     */
    public ArmResourceId resourceId() {
        return ArmResourceId.parse(id);
    }
}
