package dev.custommodels.testkit.emulator.arm;

/**
 * A role assignment the ARM emulator holds.
 *
 * @param name the assignment name (a GUID the client chose)
 * @param scope the scope, with a leading {@code /}
 * @param roleDefinitionId the role definition id as sent
 * @param principalId the principal's object id
 * @param principalType the principal type as sent, or {@code null}
 */
public record RoleAssignmentRecord(String name, String scope, String roleDefinitionId, String principalId,
        String principalType) {

    /**
     * Returns the role's guid, the last segment of the role definition id.
     *
     * @return the role id
     */
    public String roleId() {
        return roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1);
    }
}
