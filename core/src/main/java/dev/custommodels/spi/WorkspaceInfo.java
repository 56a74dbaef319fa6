package dev.custommodels.spi;

import java.util.Objects;

/**
 * A workspace as a connector lists it.
 *
 * @param id the id to pass back to the connector (an ARM resource id or a classic workspace id)
 * @param name the workspace's name
 * @param tenantId the tenant
 * @param group the group the Customer Insights page shows it in: {@code Studio (classic)} or {@code Azure ML}
 * @param region the Azure region, or {@code null} when unknown
 */
public record WorkspaceInfo(String id, String name, String tenantId, String group, String region) {

    /** The workspace id that asks a connector to search every workspace of a tenant. */
    public static final String ANY = "*";

    /**
     * Checks that id and name are present.
     *
     * @param id the id to pass back to the connector (an ARM resource id or a classic workspace id)
     * @param name the workspace's name
     * @param tenantId the tenant
     * @param group the group the Customer Insights page shows it in: {@code Studio (classic)} or {@code Azure ML}
     * @param region the Azure region, or {@code null} when unknown
     */
    public WorkspaceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(group, "group");
    }
}
