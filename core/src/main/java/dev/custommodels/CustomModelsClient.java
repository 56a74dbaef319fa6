package dev.custommodels;

import com.azure.core.annotation.ReturnType;
import com.azure.core.annotation.ServiceClient;
import com.azure.core.annotation.ServiceMethod;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.polling.SyncPoller;
import dev.custommodels.implementation.ClientRuntime;
import dev.custommodels.implementation.WorkflowLifecycle;
import dev.custommodels.implementation.run.RunService;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.DataTransferPolicy;
import dev.custommodels.models.DriftException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.RunConflictException;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunNotFoundException;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunRowError;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.TransferRefusedException;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowConflictException;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowNotFoundException;
import dev.custommodels.models.WorkflowValidationException;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.util.List;
import java.util.Objects;

/**
 * Binds models of Azure Machine Learning to the host's entities: discovers models through connectors, and
 * creates, reads, lists, updates and deletes workflows, which are kept in the lake; runs them and reads their
 * history.
 *
 * <p>Built by {@link CustomModelsClientBuilder}. Immutable and thread-safe; several clients, in one process or
 * several, may share one lake.
 */
@ServiceClient(builder = CustomModelsClientBuilder.class)
public final class CustomModelsClient {
    private final ClientRuntime runtime;
    private final WorkflowLifecycle lifecycle;
    private final RunService runs;

    CustomModelsClient(ClientRuntime runtime, DataTransferPolicy transferPolicy) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.lifecycle = new WorkflowLifecycle(runtime);
        this.runs = new RunService(runtime, transferPolicy);
    }

    /**
     * Lists the connectors this client can use: those given to the builder and those found on the class path
     * or module path.
     *
     * @return the connector names in alphabetical order
     * @throws IllegalStateException if two discovered providers share a name, naming both classes
     */
    public List<String> listConnectors() {
        return runtime.registry().names();
    }

    /**
     * Lists the workspaces a connector serves in a tenant.
     *
     * @param connector the connector name, such as {@code studio-classic}
     * @param tenantId the Azure AD tenant
     * @return the workspaces
     * @throws IllegalArgumentException if there is no such connector, listing the available ones
     */
    @ServiceMethod(returns = ReturnType.COLLECTION)
    public PagedIterable<WorkspaceInfo> listWorkspaces(String connector, String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return runtime.connector(connector).listWorkspaces(tenantId);
    }

    /**
     * Lists the services of a workspace, those that cannot be used included, each with its reason.
     *
     * @param connector the connector name
     * @param tenantId the tenant
     * @param workspaceId the workspace id as listed, or {@link WorkspaceInfo#ANY} to search every workspace where
     *     the connector supports it
     * @return the services
     * @throws IllegalArgumentException if there is no such connector, listing the available ones
     */
    @ServiceMethod(returns = ReturnType.COLLECTION)
    public PagedIterable<ServiceInfo> listServices(String connector, String tenantId, String workspaceId) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        return runtime.connector(connector).listServices(tenantId, workspaceId);
    }

    /**
     * Reads a model's contract: inputs with typed fields, parameters with defaults, outputs.
     *
     * @param model the model
     * @return the contract
     * @throws IllegalArgumentException if the model's connector is not available, listing the available ones
     */
    @ServiceMethod(returns = ReturnType.SINGLE)
    public ServiceContract describeService(ModelReference model) {
        Objects.requireNonNull(model, "model");
        return runtime.connector(model.connector()).describeService(model);
    }

    /**
     * Validates and saves a new workflow. The model's contract and the bound entities' schemas are read and
     * stored with it; the connector checks the output settings and prepares access (for pipelines: checks the
     * caller's role on the workspace and grants the service principal Contributor) before anything is written.
     *
     * @param definition the definition
     * @return the saved workflow, with a new id and its ETag
     * @throws WorkflowValidationException listing every problem with its path
     * @throws IllegalArgumentException if the model's connector is not available
     */
    @ServiceMethod(returns = ReturnType.SINGLE)
    public Workflow createWorkflow(WorkflowDefinition definition) {
        return lifecycle.create(definition);
    }

    /**
     * Reads a workflow.
     *
     * @param workflowId the id
     * @return the workflow with its ETag
     * @throws WorkflowNotFoundException if there is no such workflow
     * @throws CorruptStateException naming the file if the workflow's file in the lake cannot be read
     * @throws IllegalArgumentException if the id is not a valid workflow id
     */
    @ServiceMethod(returns = ReturnType.SINGLE)
    public Workflow getWorkflow(String workflowId) {
        return runtime.workflows().get(workflowId);
    }

    /**
     * Lists the workflows in the lake, ordered by id. A workflow whose file cannot be read is left out and
     * logged at warning level with the file's path; {@link #getWorkflow(String)} of its id throws
     * {@link CorruptStateException}, and {@link #deleteWorkflow(String)} removes it.
     *
     * @return the workflows
     */
    @ServiceMethod(returns = ReturnType.COLLECTION)
    public PagedIterable<Workflow> listWorkflows() {
        return runtime.workflows().list();
    }

    /**
     * Saves a changed workflow. The display name, input bindings, output settings, Customer ID attribute,
     * parameters and drift policy may change; the model may not. The update succeeds only if the workflow was
     * not changed since it was read (its ETag is still current). The contract and entity schemas are read again
     * and stored with it.
     *
     * @param workflow a workflow returned by this client, with {@code definition} changed
     * @return the saved workflow with its new ETag
     * @throws WorkflowConflictException naming the workflow and both ETags if someone else changed it first
     * @throws WorkflowValidationException if the model changed (create a new workflow instead) or the definition
     *     is not valid, listing every problem
     * @throws WorkflowNotFoundException if the workflow was deleted
     * @throws IllegalArgumentException if the workflow has no ETag
     */
    @ServiceMethod(returns = ReturnType.SINGLE)
    public Workflow updateWorkflow(Workflow workflow) {
        return lifecycle.update(workflow);
    }

    /**
     * Deletes a workflow. Its output entity ({@code entities/<name>/...} in the lake) stays, and so do its run
     * records.
     *
     * @param workflowId the id
     * @throws WorkflowNotFoundException if there is no such workflow
     * @throws IllegalArgumentException if the id is not a valid workflow id
     */
    @ServiceMethod(returns = ReturnType.SINGLE)
    public void deleteWorkflow(String workflowId) {
        lifecycle.delete(workflowId);
    }

    /**
     * Starts a run of a workflow with the default options; see {@link #beginRun(String, RunOptions)}.
     *
     * @param workflowId the workflow
     * @return the run's poller
     * @throws WorkflowNotFoundException if there is no such workflow
     * @throws RunConflictException naming the active run when the workflow has one, here or in another process
     */
    @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
    public SyncPoller<RunProgress, RunResult> beginRun(String workflowId) {
        return beginRun(workflowId, null);
    }

    /**
     * Starts a run of a workflow: exports the bound entities into the lake, checks drift and the data transfer
     * policy before anything leaves, submits the remote job, waits for it, collects its output, relates every
     * result row to a customer and commits the results as a new version of the output entity.
     *
     * <p>The run holds a lease on the workflow, so one run per workflow is active at a time across every process
     * sharing the lake. Its record and checkpoints are in the lake ({@code runs/<workflowId>/<runId>/}); if the
     * process stops, {@link #resumeRun(String)} continues it, and the remote job is never submitted twice. Each poll
     * does one step and reports the phase, row counts and remote status; {@code getFinalResult()} returns the
     * {@link RunResult} or throws {@link RunFailedException} (a {@link DriftException} or
     * {@link TransferRefusedException} where those stopped it; error code {@code Canceled} for a cancelled run).
     * {@code cancelOperation()} cancels the remote job and the run.
     *
     * @param workflowId the workflow
     * @param options the options, or {@code null} for the defaults
     * @return the run's poller; the run's id is in every {@link RunProgress}
     * @throws WorkflowNotFoundException if there is no such workflow
     * @throws RunConflictException naming the active run when the workflow has one, here or in another process
     * @throws IllegalArgumentException if the id is not a valid workflow id
     */
    @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
    public SyncPoller<RunProgress, RunResult> beginRun(String workflowId, RunOptions options) {
        return runs.begin(workflowId, options);
    }

    /**
     * Continues a run whose process stopped, from its last checkpoint in the lake. A run that submitted its remote
     * job continues polling that job; one that was submitting asks the connector for the job it may have created
     * before submitting again. The stored options apply; the data transfer policy is the client's. The run's lease
     * must have expired (or been released): until then the run counts as active in its old process. A finished
     * run's poller is complete at once.
     *
     * @param runId the run
     * @return the run's poller
     * @throws RunNotFoundException if there is no such run
     * @throws RunConflictException if the run, or another run of its workflow, holds a lease that has not expired
     * @throws IllegalArgumentException if the id is not a valid run id
     */
    @ServiceMethod(returns = ReturnType.LONG_RUNNING_OPERATION)
    public SyncPoller<RunProgress, RunResult> resumeRun(String runId) {
        return runs.resume(runId);
    }

    /**
     * Reads a run's record: status, phase, remote job, counts, timings, errors, drift, and what was sent where.
     *
     * @param runId the run
     * @return the record
     * @throws RunNotFoundException if there is no such run
     * @throws IllegalArgumentException if the id is not a valid run id
     */
    @ServiceMethod(returns = ReturnType.SINGLE)
    public RunRecord getRun(String runId) {
        return runs.get(runId);
    }

    /**
     * Lists a workflow's runs, newest first, also after the workflow was deleted.
     *
     * @param workflowId the workflow
     * @return the run records
     * @throws IllegalArgumentException if the id is not a valid workflow id
     */
    @ServiceMethod(returns = ReturnType.COLLECTION)
    public PagedIterable<RunRecord> listRuns(String workflowId) {
        return runs.list(workflowId);
    }

    /**
     * Lists a run's error ledger: each entity row that could not be converted to the model's types (and so was
     * not sent), and each result row or value that could not be committed, with the row's key, the field, the
     * value and the reason.
     *
     * @param runId the run
     * @return the entries
     * @throws RunNotFoundException if there is no such run
     * @throws IllegalArgumentException if the id is not a valid run id
     */
    @ServiceMethod(returns = ReturnType.COLLECTION)
    public PagedIterable<RunRowError> listRunErrors(String runId) {
        return runs.errors(runId);
    }
}
