package dev.custommodels.spi;

import com.azure.core.http.rest.PagedIterable;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import java.util.List;
import java.util.Optional;

/**
 * One model backend, as the client and the run orchestration use it. Nothing here is specific to a backend:
 * discovery, contracts, access, and a job that is submitted, polled, cancelled and collected.
 *
 * <p>A job is identified by a {@link JobHandle} that the orchestration records in the lake before polling, so a
 * new process can poll, cancel or collect the same remote job. Implementations are thread-safe. This interface
 * evolves only by {@code default} methods.
 */
public interface Connector {

    /**
     * Lists the workspaces of a tenant that this backend serves.
     *
     * @param tenantId the Azure AD tenant
     * @return the workspaces
     */
    PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId);

    /**
     * Lists the services of a workspace, those that cannot be used included, each with its reason.
     *
     * @param tenantId the tenant
     * @param workspaceId the workspace id as listed, or {@link WorkspaceInfo#ANY} to search every workspace of
     *     the tenant where the backend supports it
     * @return the services
     */
    PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId);

    /**
     * Reads a service's contract: inputs with typed fields, parameters with defaults, outputs.
     *
     * @param model the service
     * @return the contract
     */
    ServiceContract describeService(ModelReference model);

    /**
     * Checks a workflow's output settings against the service before the workflow is saved.
     *
     * @param model the service
     * @param contract its contract
     * @param output the settings to check
     * @return every problem found, empty when the settings fit
     */
    default List<ValidationProblem> validateOutput(ModelReference model, ServiceContract contract,
            OutputSettings output) {
        return List.of();
    }

    /**
     * Checks and prepares access before a workflow is saved, such as the caller's permissions on the workspace
     * and a role assignment for the host's service principal.
     *
     * @param model the service
     * @throws dev.custommodels.models.CustomModelsException with a message naming what is missing
     */
    default void prepareAccess(ModelReference model) {
    }

    /**
     * Submits a job. Implementations record nothing themselves; the caller records the returned handle.
     *
     * @param request what to run
     * @return the handle of the new remote job
     */
    JobHandle submit(JobRequest request);

    /**
     * Looks for a job that an earlier, interrupted {@link #submit} created for the same run, so a resumed run
     * adopts it rather than submitting twice.
     *
     * @param request the request that may have been submitted
     * @return the handle of that job, or empty when none exists or the backend cannot tell
     */
    default Optional<JobHandle> findSubmitted(JobRequest request) {
        return Optional.empty();
    }

    /**
     * Polls a job once. May do bounded work for backends that score from the client.
     *
     * @param handle the job
     * @return its status
     */
    JobStatus poll(JobHandle handle);

    /**
     * Cancels a job; cancelling a finished job does nothing.
     *
     * @param handle the job
     */
    void cancel(JobHandle handle);

    /**
     * Copies a finished job's output into the lake, as CSV files with a header row.
     *
     * @param handle the finished job
     * @param outputPrefix the lake folder to write into, ending with {@code /}
     * @return the lake paths written, in order
     * @throws dev.custommodels.models.CustomModelsException if the output is missing, naming where it was sought
     */
    List<String> collect(JobHandle handle, String outputPrefix);
}
