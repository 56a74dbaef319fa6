package dev.custommodels.spi.azure;

import java.util.Objects;

/**
 * An Azure subscription the credential can see.
 *
 * @param subscriptionId the subscription id
 * @param displayName the display name, or the id when the service gave none
 * @param tenantId the tenant that owns it, or {@code null} when not reported
 * @param state the state, such as {@code Enabled}, or {@code null}
 */
public record ArmSubscription(String subscriptionId, String displayName, String tenantId, String state) {

    /**
     * Checks the id and defaults the display name.
     *
     * @param subscriptionId the subscription id
     * @param displayName the display name, or the id when the service gave none
     * @param tenantId the tenant that owns it, or {@code null} when not reported
     * @param state the state, such as {@code Enabled}, or {@code null}
     */
    public ArmSubscription {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        displayName = displayName == null ? subscriptionId : displayName;
    }
}
