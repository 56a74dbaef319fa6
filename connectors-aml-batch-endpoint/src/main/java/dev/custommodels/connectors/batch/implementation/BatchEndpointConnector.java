package dev.custommodels.connectors.batch.implementation;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.connectors.batch.BatchEndpointConnectorProvider;
import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.spi.azure.BearerTokenPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code aml-batch-endpoint} connector. Thread-safe; per-tenant ARM clients and pipelines are built lazily
 * and kept.
 */
public final class BatchEndpointConnector implements Connector {
    private static final ClientLogger LOGGER = new ClientLogger(BatchEndpointConnector.class);
    private static final String GROUP = "Azure ML";

    private final ConnectorContext context;
    private final Settings settings;
    private final Map<String, BatchArm> arms = new ConcurrentHashMap<>();
    private final Map<String, HttpPipeline> invokePipelines = new ConcurrentHashMap<>();
    private final Map<String, HttpPipeline> mlPipelines = new ConcurrentHashMap<>();
    private final Datastores datastores;
    private final ContractReader contracts;
    private final Eligibility eligibility;
    private final ServiceLister lister;
    private final Invoker invoker;
    private final JobMonitor monitor;
    private final OutputCollector collector;

    /**
     * Creates the connector over a client's context.
     *
     * @param context the context
     * @throws IllegalArgumentException naming the option when an option value cannot be read
     */
    public BatchEndpointConnector(ConnectorContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Settings.read(context);
        this.datastores = new Datastores(context);
        this.contracts = new ContractReader(datastores);
        this.eligibility = new Eligibility(contracts);
        this.lister = new ServiceLister(eligibility);
        this.invoker = new Invoker(context, settings.mlAudience(), settings.invokeAttempts());
        this.monitor = new JobMonitor(context, settings.jobTimeout(), settings.stuckTimeout());
        this.collector = new OutputCollector(context.lake());
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return arm(tenantId).arm().listWorkspaces().mapPage(w -> new WorkspaceInfo(w.id(), w.name(), tenantId,
                GROUP, w.location()));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        BatchArm arm = arm(tenantId);
        if (!WorkspaceInfo.ANY.equals(workspaceId)) {
            return lister.list(arm, tenantId, workspaceId);
        }
        List<ServiceInfo> all = new ArrayList<>();
        listWorkspaces(tenantId).forEach(w -> lister.list(arm, tenantId, w.id()).forEach(all::add));
        return new PagedIterable<>(() -> new com.azure.core.http.rest.PagedResponseBase<Void, ServiceInfo>(null, 200,
                null, all, null, null));
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        return contracts.describe(arm(model.tenantId()), resolve(model));
    }

    @Override
    public List<ValidationProblem> validateOutput(ModelReference model, ServiceContract contract,
            OutputSettings output) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (output.outputDatastoreParameter() != null) {
            problems.add(new ValidationProblem("output.outputDatastoreParameter", "Batch endpoints get an explicit"
                    + " output location from the connector; this setting is for pipeline endpoints. Remove it."));
        }
        if (output.outputPathParameter() != null) {
            problems.add(new ValidationProblem("output.outputPathParameter", "Batch endpoints get an explicit"
                    + " output location from the connector; this setting is for pipeline endpoints. Remove it."));
        }
        String name = output.modelOutput();
        if (name != null && contract.outputs().stream().noneMatch(o -> o.name().equals(name))) {
            problems.add(new ValidationProblem("output.modelOutput", "The model has no output named '" + name
                    + "'. Its outputs: " + contract.outputs().stream().map(o -> o.name()).toList() + "."));
        } else if (name != null) {
            Target t = resolve(model);
            if (t.deployment().kind() == DeploymentInfo.Kind.PIPELINE_COMPONENT) {
                try {
                    Submission.chosenOutput(contracts.component(arm(model.tenantId()), t.deployment()), name);
                } catch (CustomModelsException e) {
                    problems.add(new ValidationProblem("output.modelOutput", e.getMessage()));
                }
            }
        }
        return problems;
    }

    @Override
    public JobHandle submit(JobRequest request) {
        Target t = resolve(request.model());
        BatchArm arm = arm(t.tenantId());
        Optional<String> reason = Eligibility.endpointReason(t.endpoint())
                .or(() -> eligibility.deploymentReason(arm, t.deployment()));
        if (reason.isPresent()) {
            throw LOGGER.logExceptionAsWarning(new CustomModelsException("Run " + request.runId() + " cannot use "
                    + request.model().displayString() + ": " + reason.get()));
        }
        LakeStore store = datastores.store(arm, t.tenantId(), t.workspaceId(), settings.datastore());
        String runFolder = Submission.runFolder(request);
        String folder = newAttemptFolder(store, runFolder);
        Submission.Plan plan = t.deployment().kind() == DeploymentInfo.Kind.MODEL
                ? Submission.planModel(context.lake(), store, settings.datastore(), folder, request,
                        outputFileName(t.deployment()))
                : Submission.planPipeline(context.lake(), store, settings.datastore(), folder, request,
                        contracts.component(arm, t.deployment()));
        String name = invoker.invoke(arm, invokePipeline(t.tenantId()), t, request.runId(), runFolder, folder,
                Invoker.body(plan, request.runId(), request.workflowId(), folder));
        return new BatchJobRef(name, t.tenantId(), t.workspaceId(), t.endpoint().name(), t.deployment().name(),
                t.deployment().kind(), plan.outputUri(), plan.outputIsFolder(), plan.inputUri(),
                context.clock().instant()).toHandle();
    }

    @Override
    public Optional<JobHandle> findSubmitted(JobRequest request) {
        Target t = resolve(request.model());
        BatchArm arm = arm(t.tenantId());
        String runFolder = Submission.runFolder(request);
        Optional<JobFinder.Found> found = JobFinder.find(arm, t.workspaceId(), request.runId(), runFolder, null,
                null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JobInfo job = found.get().job();
        String deployment = job.properties().getOrDefault("azureml.deploymentname",
                job.tags().getOrDefault("azureml.deploymentname", t.deployment().name()));
        if (!deployment.equalsIgnoreCase(t.deployment().name())) {
            t = new Target(t.tenantId(), t.workspaceId(), t.endpoint(),
                    arm.getDeployment(t.workspaceId(), t.endpoint().name(), deployment));
        }
        LOGGER.info("Run {} already has job {}; adopting it.", request.runId(), job.name());
        return Optional.of(new Adoption(settings.datastore(), contracts).handle(arm, t, request, found.get(),
                outputFileName(t.deployment()), context.clock().instant()));
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        BatchJobRef ref = BatchJobRef.from(handle);
        return monitor.poll(arm(ref.tenantId()), () -> mlPipeline(ref.tenantId()), ref);
    }

    @Override
    public void cancel(JobHandle handle) {
        BatchJobRef ref = BatchJobRef.from(handle);
        monitor.cancel(arm(ref.tenantId()), ref);
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        BatchJobRef ref = BatchJobRef.from(handle);
        BatchArm arm = arm(ref.tenantId());
        JobInfo job = arm.getJob(ref.workspaceId(), ref.jobName()).orElseThrow(() -> new CustomModelsException(
                "Job " + ref.jobName() + " was not found in workspace " + ref.workspaceId() + "; nothing to collect."));
        if (!"Completed".equalsIgnoreCase(job.status())) {
            throw new CustomModelsException("Job " + ref.jobName() + " is " + job.status() + "; only a Completed job"
                    + " can be collected.");
        }
        DatastorePath out = DatastorePath.parse(ref.outputUri()).orElseThrow(() -> new IllegalArgumentException(
                "Job handle " + ref.jobName() + " has an unreadable output location."));
        LakeStore store = datastores.store(arm, ref.tenantId(), ref.workspaceId(), out.datastore());
        return collector.collect(store, ref, outputPrefix.endsWith("/") ? outputPrefix : outputPrefix + "/");
    }

    private Target resolve(ModelReference model) {
        BatchArm arm = arm(model.tenantId());
        EndpointInfo e = arm.getEndpoint(model.workspaceId(), model.serviceId());
        String deployment = model.endpoint() != null ? model.endpoint() : e.defaultDeployment();
        if (deployment == null) {
            List<String> names = arm.listDeployments(model.workspaceId(), e.name()).stream()
                    .map(DeploymentInfo::name).toList();
            throw new CustomModelsException("Batch endpoint '" + e.name() + "' has no default deployment. Name one"
                    + " of its deployments in the model reference's endpoint: " + names + ".");
        }
        return new Target(model.tenantId(), model.workspaceId(), e,
                arm.getDeployment(model.workspaceId(), e.name(), deployment));
    }

    private String newAttemptFolder(LakeStore store, String runFolder) {
        for (int n = 1; n < 10_000; n++) {
            String folder = runFolder + "attempt-" + n + "/";
            try (var list = store.list(folder)) {
                if (list.findAny().isEmpty()) {
                    return folder;
                }
            }
        }
        throw new CustomModelsException("Run folder " + runFolder + " has no free attempt folder left.");
    }

    private String outputFileName(DeploymentInfo d) {
        return settings.outputFileName() != null ? settings.outputFileName()
                : d.outputFileName() != null && !d.outputFileName().isBlank() ? d.outputFileName()
                : BatchEndpointOptions.DEFAULT_OUTPUT_FILE_NAME;
    }

    private BatchArm arm(String tenantId) {
        return arms.computeIfAbsent(tenantId, t -> new BatchArm(ArmClient.create(context, t), settings.apiVersion()));
    }

    private HttpPipeline invokePipeline(String tenantId) {
        return invokePipelines.computeIfAbsent(tenantId, invoker::pipeline);
    }

    private HttpPipeline mlPipeline(String tenantId) {
        return mlPipelines.computeIfAbsent(tenantId, t -> context.pipeline(new BearerTokenPolicy(
                context.credential(t), settings.mlAudience() + "/.default", t)));
    }

    @Override
    public String toString() {
        return BatchEndpointConnectorProvider.NAME + " connector";
    }
}
