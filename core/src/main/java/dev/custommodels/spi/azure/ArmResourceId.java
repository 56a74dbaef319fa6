package dev.custommodels.spi.azure;

import java.util.Objects;

/**
 * The parts of a resource-group-scoped ARM resource id,
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}}.
 *
 * @param subscriptionId the subscription id
 * @param resourceGroup the resource group
 * @param providerNamespace the provider namespace, such as {@code Microsoft.MachineLearningServices}
 * @param resourceType the resource type, such as {@code workspaces}
 * @param name the resource name
 */
public record ArmResourceId(String subscriptionId, String resourceGroup, String providerNamespace,
        String resourceType, String name) {

    /**
     * Checks that every part is present.
     *
     * @param subscriptionId the subscription id
     * @param resourceGroup the resource group
     * @param providerNamespace the provider namespace, such as {@code Microsoft.MachineLearningServices}
     * @param resourceType the resource type, such as {@code workspaces}
     * @param name the resource name
     */
    public ArmResourceId {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(providerNamespace, "providerNamespace");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses a resource id.
     *
     * @param id the id, with or without the leading {@code /}
     * @return the parts
     * @throws IllegalArgumentException naming the id when it is not of that shape
     */
    public static ArmResourceId parse(String id) {
        Objects.requireNonNull(id, "id");
        String[] s = (id.startsWith("/") ? id.substring(1) : id).split("/");
        if (s.length != 8 || !s[0].equalsIgnoreCase("subscriptions") || !s[2].equalsIgnoreCase("resourceGroups")
                || !s[4].equalsIgnoreCase("providers") || java.util.Arrays.stream(s).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("'" + id + "' is not an ARM resource id of the form /subscriptions/"
                    + "{subscription}/resourceGroups/{group}/providers/{namespace}/{type}/{name}.");
        }
        return new ArmResourceId(s[1], s[3], s[5], s[6], s[7]);
    }

    /**
     * Returns the id in its canonical form, with a leading {@code /}.
     *
     * @return the id
     */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/"
                + providerNamespace + "/" + resourceType + "/" + name;
    }

    @Override
    public String toString() {
        return id();
    }
}
