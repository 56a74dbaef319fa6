package dev.custommodels.spi.azure;

import java.util.Objects;

/**
 * The outcome of creating a role assignment.
 *
 * @param scope the scope, such as a workspace resource id
 * @param roleDefinitionId the full role definition id that was assigned
 * @param principalId the object id of the principal
 * @param assignmentId the id of the new assignment, or {@code null} when it already existed under another name
 * @param created {@code true} if this call created it, {@code false} if an equal assignment already existed
 */
public record ArmRoleAssignment(String scope, String roleDefinitionId, String principalId, String assignmentId,
        boolean created) {

    /**
     * Checks the parts.
     *
     * @param scope the scope, such as a workspace resource id
     * @param roleDefinitionId the full role definition id that was assigned
     * @param principalId the object id of the principal
     * @param assignmentId the id of the new assignment, or {@code null} when it already existed under another name
     * @param created {@code true} if this call created it, {@code false} if an equal assignment already existed
     */
    public ArmRoleAssignment {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
        Objects.requireNonNull(principalId, "principalId");
    }
}
