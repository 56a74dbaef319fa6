package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.connectors.pipeline.AmlPipelineConnectorProvider;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.azure.ArmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The {@code aml-pipeline} connector. Thread-safe; holds no secret. */
public final class AmlPipelineConnector implements Connector {
    static final String GROUP = "Azure ML";
    private static final ClientLogger LOGGER = new ClientLogger(AmlPipelineConnector.class);
    private static final Duration NOT_FOUND_GRACE = Duration.ofMinutes(2);

    private final Session session;
    private final RunSubmitter submitter;
    private final OutputCollector collector;
    private final AccessGrant access;
    private final SchemaSampler sampler;

    /**
     * Creates the connector.
     *
     * @param context what the client offers
     */
    public AmlPipelineConnector(ConnectorContext context) {
        this.session = new Session(context);
        this.submitter = new RunSubmitter(session);
        this.collector = new OutputCollector(session);
        this.access = new AccessGrant(session);
        this.sampler = new SchemaSampler(session);
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return session.arm(tenantId).listWorkspaces()
                .mapPage(w -> new WorkspaceInfo(w.id(), w.name(), tenantId, GROUP, w.location()));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        return single(() -> {
            if (!WorkspaceInfo.ANY.equals(workspaceId)) {
                return services(tenantId, workspaceId);
            }
            List<ServiceInfo> all = new ArrayList<>();
            listWorkspaces(tenantId).forEach(w -> all.addAll(services(tenantId, w.id())));
            return all;
        });
    }

    private List<ServiceInfo> services(String tenantId, String workspaceId) {
        WorkspaceApi api = session.api(tenantId, workspaceId);
        List<ServiceInfo> out = new ArrayList<>();
        Set<String> behindEndpoints = new HashSet<>();
        for (EndpointInfo e : api.listEndpoints()) {
            behindEndpoints.addAll(e.versions().values());
            PipelineInfo pipeline = defaultPipeline(api, e);
            String reason = Eligibility.describe(Eligibility.reasons(e, pipeline));
            out.add(new ServiceInfo(reference(tenantId, workspaceId, e.id()), e.name(), "pipeline endpoint", reason));
        }
        for (JsonNode p : api.listPipelines()) {
            String id = Json.text(p, "Id");
            if (id != null && !behindEndpoints.contains(id)) {
                out.add(new ServiceInfo(reference(tenantId, workspaceId, id), Json.text(p, "Name") == null ? id
                        : Json.text(p, "Name"), "published pipeline", "It is a published pipeline that is not behind"
                        + " a pipeline endpoint; add it to a pipeline endpoint as the default version to use it."));
            }
        }
        return out;
    }

    private static PipelineInfo defaultPipeline(WorkspaceApi api, EndpointInfo e) {
        String id = e.defaultPipelineId();
        if (id == null) {
            return null;
        }
        try {
            return api.pipeline(id);
        } catch (ArmException ex) {
            if (ex.getStatusCode() == 404) {
                return null;
            }
            throw ex;
        }
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        Session.Resolved r = session.resolve(model.tenantId(), model.workspaceId(), model.serviceId());
        if (r.pipeline() == null) {
            throw LOGGER.logExceptionAsError(new CustomModelsException("Pipeline endpoint '" + r.endpoint().name()
                    + "' (" + model.serviceId() + ") has no default published pipeline."));
        }
        return Eligibility.contract(r.pipeline(), d -> sampler.input(model.tenantId(), model.workspaceId(), d));
    }

    @Override
    public List<ValidationProblem> validateOutput(ModelReference model, ServiceContract contract,
            OutputSettings output) {
        List<ValidationProblem> problems = new ArrayList<>();
        List<String> strings = contract.parameters().stream()
                .filter(p -> p.kind() == ParameterKind.VALUE).map(ModelParameter::name).toList();
        check(problems, "output.outputDatastoreParameter", "output datastore", output.outputDatastoreParameter(),
                contract, strings);
        check(problems, "output.outputPathParameter", "output path", output.outputPathParameter(), contract,
                strings);
        if (output.outputDatastoreParameter() != null
                && output.outputDatastoreParameter().equals(output.outputPathParameter())) {
            problems.add(new ValidationProblem("output.outputPathParameter", "The output path parameter must differ"
                    + " from the output datastore parameter ('" + output.outputPathParameter() + "')."));
        }
        return problems;
    }

    private static void check(List<ValidationProblem> problems, String path, String what, String name,
            ServiceContract contract, List<String> candidates) {
        if (name == null) {
            problems.add(new ValidationProblem(path, "A pipeline workflow needs the name of the pipeline parameter"
                    + " that takes the " + what + ". Parameters of the default pipeline: " + candidates + "."));
            return;
        }
        Optional<ModelParameter> p = contract.parameter(name);
        if (p.isEmpty() || p.get().kind() != ParameterKind.VALUE) {
            problems.add(new ValidationProblem(path, "'" + name + "' is not a parameter of the default pipeline;"
                    + " choose the parameter that takes the " + what + " among " + candidates + "."));
        } else if (p.get().type() != dev.custommodels.models.DataType.STRING) {
            problems.add(new ValidationProblem(path, "Parameter '" + name + "' is of type " + p.get().type()
                    + "; the " + what + " needs a string parameter among " + candidates + "."));
        }
    }

    @Override
    public void prepareAccess(ModelReference model) {
        access.prepare(model);
    }

    @Override
    public JobHandle submit(JobRequest request) {
        return submitter.submit(request);
    }

    @Override
    public Optional<JobHandle> findSubmitted(JobRequest request) {
        return submitter.findSubmitted(request);
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        WorkspaceApi api = api(handle);
        WorkspaceApi.Answer a = api.getRun(handle.jobId());
        if (a.status() == 404 && recentlySubmitted(handle)) {
            return JobStatus.of(JobState.QUEUED, "NotVisibleYet");
        }
        JsonNode run = api.ok(a, "Reading pipeline run " + handle.jobId());
        String status = Json.text(run, "status");
        status = status == null ? "Unknown" : status;
        LOGGER.info("Pipeline run {} is {}.", handle.jobId(), status);
        JobState state = RunStatuses.state(status);
        if (state == JobState.FAILED) {
            JsonNode error = Json.get(run, "error");
            JsonNode inner = Json.get(error, "error");
            JsonNode e = inner.isMissingNode() || inner.isNull() ? error : inner;
            String code = Optional.ofNullable(Json.text(e, "code")).orElse("Failed");
            String message = Optional.ofNullable(Json.text(e, "message")).orElse("Pipeline run " + handle.jobId()
                    + " failed without an error message; see its logs in Azure Machine Learning studio.");
            LOGGER.warning("Pipeline run {} failed: {} {}", handle.jobId(), code, message);
            return JobStatus.failed(status, code, message);
        }
        return new JobStatus(state, status, null, null, -1, -1, a.retryAfter());
    }

    private boolean recentlySubmitted(JobHandle handle) {
        String at = handle.state().get(HandleState.SUBMITTED_AT);
        try {
            return at != null && Duration.between(Instant.parse(at), session.context.clock().instant())
                    .compareTo(NOT_FOUND_GRACE) < 0;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public void cancel(JobHandle handle) {
        WorkspaceApi.Answer a = api(handle).cancel(handle.jobId());
        if (a.status() / 100 == 2) {
            LOGGER.info("Cancellation of pipeline run {} requested.", handle.jobId());
        } else if (a.status() == 400 || a.status() == 409) {
            LOGGER.info("Pipeline run {} was not cancelled (HTTP {}); it has already finished.", handle.jobId(),
                    a.status());
        } else {
            api(handle).ok(a, "Cancelling pipeline run " + handle.jobId());
        }
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        return collector.collect(handle, outputPrefix);
    }

    private WorkspaceApi api(JobHandle handle) {
        if (!AmlPipelineConnectorProvider.NAME.equals(handle.connector())) {
            throw new IllegalArgumentException("Job " + handle.jobId() + " belongs to connector '"
                    + handle.connector() + "', not to '" + AmlPipelineConnectorProvider.NAME + "'.");
        }
        return session.api(HandleStates.require(handle, HandleState.TENANT),
                HandleStates.require(handle, HandleState.WORKSPACE), HandleStates.require(handle,
                        HandleState.API_BASE));
    }

    private static ModelReference reference(String tenantId, String workspaceId, String serviceId) {
        return new ModelReference(AmlPipelineConnectorProvider.NAME, tenantId, workspaceId, serviceId, null);
    }

    private static <T> PagedIterable<T> single(Supplier<List<T>> items) {
        return new PagedIterable<>(() -> new PagedResponseBase<Void, T>(null, 200, null, items.get(), null, null));
    }
}
