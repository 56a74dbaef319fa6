package dev.custommodels.spi.azure;

import java.util.List;
import java.util.Objects;

/**
 * The caller's effective permissions on one scope.
 *
 * @param scope the scope that was checked, such as a workspace resource id
 * @param entries the entries, one per role the caller holds there
 */
public record ArmPermissions(String scope, List<ArmPermission> entries) {

    /** The action needed to create role assignments, held by Owner and User Access Administrator. */
    public static final String ROLE_ASSIGNMENTS_WRITE = "Microsoft.Authorization/roleAssignments/write";

    /**
     * Copies the entries.
     *
     * @param scope the scope that was checked, such as a workspace resource id
     * @param entries the entries, one per role the caller holds there
     */
    public ArmPermissions {
        Objects.requireNonNull(scope, "scope");
        entries = List.copyOf(entries);
    }

    /**
     * Tells whether an action is allowed: some entry allows it (its {@code actions} match and the same entry's
     * {@code notActions} do not). Deny assignments are not reflected.
     *
     * @param action the action
     * @return {@code true} when allowed
     */
    public boolean allows(String action) {
        return entries.stream().anyMatch(e -> e.allows(action));
    }
}
