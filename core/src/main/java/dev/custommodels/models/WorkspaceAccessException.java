package dev.custommodels.models;

import java.util.Objects;

/**
 * The caller lacks a role on a workspace that saving or running a workflow needs, such as Owner or User Access
 * Administrator to grant the host's service principal access to an Azure Machine Learning workspace.
 */
public class WorkspaceAccessException extends CustomModelsException {
    private static final long serialVersionUID = 1L;

    /** The workspace's id. */
    private final String workspaceId;
    /** The role (or roles) that would be enough, such as {@code Owner or User Access Administrator}. */
    private final String requiredRole;
    /** The permission that was checked, such as {@code Microsoft.Authorization/roleAssignments/write}. */
    private final String requiredAction;

    /**
     * Creates the exception.
     *
     * @param message what is missing, on which workspace, why, and what to do
     * @param workspaceId the workspace's id
     * @param requiredRole the role (or roles) that would be enough, such as
     *     {@code Owner or User Access Administrator}
     * @param requiredAction the permission that was checked, such as
     *     {@code Microsoft.Authorization/roleAssignments/write}
     * @param cause the service's error, or {@code null}
     */
    public WorkspaceAccessException(String message, String workspaceId, String requiredRole, String requiredAction,
            Throwable cause) {
        super(message, cause);
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.requiredRole = Objects.requireNonNull(requiredRole, "requiredRole");
        this.requiredAction = requiredAction;
    }

    /**
     * Returns the workspace's id.
     *
     * @return the id, such as an ARM resource id
     */
    public String getWorkspaceId() {
        return workspaceId;
    }

    /**
     * Returns the role (or roles) that would be enough.
     *
     * @return the role, such as {@code Owner or User Access Administrator}
     */
    public String getRequiredRole() {
        return requiredRole;
    }

    /**
     * Returns the permission that was checked.
     *
     * @return the action, or {@code null}
     */
    public String getRequiredAction() {
        return requiredAction;
    }
}
