package dev.custommodels.models;

import java.util.Objects;

/**
 * Identifies one model at its backend. A workflow's model reference never changes.
 *
 * @param connector the connector name, such as {@code studio-classic}, {@code aml-pipeline} or
 *     {@code aml-batch-endpoint}
 * @param tenantId the Azure AD tenant that owns the workspace
 * @param workspaceId the workspace id as the connector lists it (an ARM resource id, or a classic workspace id)
 * @param serviceId the service id as the connector lists it (a web service, pipeline endpoint or batch endpoint)
 * @param endpoint a sub-part of the service where the backend has one (a classic endpoint name, a batch
 *     deployment name), or {@code null} for the default
 */
public record ModelReference(String connector, String tenantId, String workspaceId, String serviceId,
        String endpoint) {

    /**
     * Validates the reference.
     *
     * @throws IllegalArgumentException if a required part is blank
     * @param connector the connector name, such as {@code studio-classic}, {@code aml-pipeline} or
     *     {@code aml-batch-endpoint}
     * @param tenantId the Azure AD tenant that owns the workspace
     * @param workspaceId the workspace id as the connector lists it (an ARM resource id, or a classic workspace id)
     * @param serviceId the service id as the connector lists it (a web service, pipeline endpoint or batch endpoint)
     * @param endpoint a sub-part of the service where the backend has one (a classic endpoint name, a batch
     *     deployment name), or {@code null} for the default
     */
    public ModelReference {
        requireText(connector, "connector");
        requireText(tenantId, "tenantId");
        requireText(workspaceId, "workspaceId");
        requireText(serviceId, "serviceId");
        if (endpoint != null && endpoint.isBlank()) {
            endpoint = null;
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A model reference needs a non-blank " + what + ".");
        }
    }

    /**
     * Returns a short human-readable form, used in lineage columns and messages.
     *
     * @return {@code connector:workspace/service[/endpoint]}
     */
    public String displayString() {
        return connector + ":" + workspaceId + "/" + serviceId + (endpoint == null ? "" : "/" + endpoint);
    }
}
