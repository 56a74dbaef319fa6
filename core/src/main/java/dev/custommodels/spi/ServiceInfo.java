package dev.custommodels.spi;

import dev.custommodels.models.ModelReference;
import java.util.Objects;

/**
 * A service as a connector lists it, usable or not.
 *
 * @param model the reference that names this service
 * @param name the service's display name
 * @param kind the kind of service, such as {@code RRS+BES web service}, {@code pipeline endpoint},
 *     {@code batch endpoint (model deployment)}
 * @param ineligibleReason why the service cannot be used, or {@code null} when it can
 */
public record ServiceInfo(ModelReference model, String name, String kind, String ineligibleReason) {

    /**
     * Checks that the parts are present.
     *
     * @param model the reference that names this service
     * @param name the service's display name
     * @param kind the kind of service, such as {@code RRS+BES web service}, {@code pipeline endpoint},
     *     {@code batch endpoint (model deployment)}
     * @param ineligibleReason why the service cannot be used, or {@code null} when it can
     */
    public ServiceInfo {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (ineligibleReason != null && ineligibleReason.isBlank()) {
            ineligibleReason = null;
        }
    }

    /**
     * Tells whether the service can be bound by a workflow.
     *
     * @return {@code true} when there is no reason against it
     */
    public boolean isEligible() {
        return ineligibleReason == null;
    }
}
