package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.connectors.pipeline.AmlPipelineOptions;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.WorkspaceAccessException;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.ArmPermissions;
import dev.custommodels.spi.azure.ArmRoleAssignment;
import dev.custommodels.spi.azure.AzureRoles;

/**
 * The access check before a pipeline workflow is saved: the caller must be able to create role assignments on the
 * workspace (Owner or User Access Administrator), and the host's service principal is then granted Contributor.
 */
final class AccessGrant {
    static final String REQUIRED_ROLE = "Owner or User Access Administrator";
    private static final ClientLogger LOGGER = new ClientLogger(AccessGrant.class);

    private final Session session;

    AccessGrant(Session session) {
        this.session = session;
    }

    void prepare(ModelReference model) {
        String principal = session.context.option(AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID)
                .filter(s -> !s.isBlank()).orElseThrow(() -> LOGGER.logExceptionAsError(new IllegalStateException(
                        "Saving an Azure Machine Learning pipeline workflow grants the host's service principal"
                                + " Contributor on the workspace, but no service principal is configured. Set the"
                                + " client option '" + AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID
                                + "' to the object id of the host's service principal.")));
        ArmClient arm = session.arm(model.tenantId());
        String workspace = model.workspaceId();
        ArmPermissions permissions = arm.getPermissions(workspace);
        if (!permissions.allows(ArmPermissions.ROLE_ASSIGNMENTS_WRITE)) {
            throw LOGGER.logExceptionAsWarning(denied(workspace, principal, null));
        }
        try {
            ArmRoleAssignment grant = arm.createRoleAssignment(workspace, AzureRoles.CONTRIBUTOR, principal,
                    "ServicePrincipal");
            LOGGER.info("Service principal {} {} Contributor on workspace {}.", principal,
                    grant.created() ? "was granted" : "already holds", workspace);
        } catch (ArmException e) {
            if (e.getStatusCode() == 403) {
                throw LOGGER.logExceptionAsWarning(denied(workspace, principal, e));
            }
            throw e;
        }
    }

    private static WorkspaceAccessException denied(String workspace, String principal, ArmException cause) {
        String name = workspace.substring(workspace.lastIndexOf('/') + 1);
        return new WorkspaceAccessException("Couldn't save the workflow: you need the " + REQUIRED_ROLE
                + " role on Azure Machine Learning workspace '" + name + "' (" + workspace + "). Saving grants the"
                + " host's service principal (" + principal + ") the Contributor role on the workspace, so the host"
                + " can run the pipeline later without your credentials, and that needs the permission "
                + ArmPermissions.ROLE_ASSIGNMENTS_WRITE + ", which your roles there do not include"
                + (cause == null ? "" : " (the service answered " + cause.getErrorCode() + ")") + ". Ask an owner"
                + " of the workspace to assign you Owner or User Access Administrator, or to assign Contributor to"
                + " the service principal, then save again.", workspace, REQUIRED_ROLE,
                ArmPermissions.ROLE_ASSIGNMENTS_WRITE, cause);
    }
}
