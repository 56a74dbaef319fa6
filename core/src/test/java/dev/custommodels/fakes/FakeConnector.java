package dev.custommodels.fakes;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector over a {@link FakeBackend}. Discovery and contracts come from the backend; a job succeeds on its
 * second poll and its output is one CSV file listing the staged input paths.
 */
final class FakeConnector implements Connector {
    private final String name;
    private final FakeBackend backend;
    private final ConnectorContext context;
    private final AtomicInteger jobCounter = new AtomicInteger();
    private final Map<String, JobState> jobs = new ConcurrentHashMap<>();
    private final Map<String, JobRequest> requests = new ConcurrentHashMap<>();

    FakeConnector(String name, FakeBackend backend, ConnectorContext context) {
        this.name = name;
        this.backend = backend;
        this.context = context;
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return page(backend.workspaces(tenantId));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        List<ServiceInfo> services = new ArrayList<>();
        for (String key : backend.serviceKeys(workspaceId)) {
            String[] parts = key.split("/", 2);
            ServiceContract c = backend.contract(key);
            String reason = c.inputs().isEmpty() ? "it has no data input" : null;
            services.add(new ServiceInfo(new ModelReference(name, tenantId, parts[0], parts[1], null), parts[1],
                    backend.kind(key), reason));
        }
        return page(services);
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        ServiceContract c = backend.contract(model.workspaceId() + "/" + model.serviceId());
        if (c == null) {
            throw new CustomModelsException("Workspace '" + model.workspaceId() + "' has no service '"
                    + model.serviceId() + "'.");
        }
        return c;
    }

    @Override
    public List<ValidationProblem> validateOutput(ModelReference model, ServiceContract contract,
            OutputSettings output) {
        if (!"pipeline endpoint".equals(backend.kind(model.workspaceId() + "/" + model.serviceId()))) {
            return List.of();
        }
        List<ValidationProblem> problems = new ArrayList<>();
        if (output.outputDatastoreParameter() == null) {
            problems.add(new ValidationProblem("output.outputDatastoreParameter",
                    "a pipeline needs the parameter that takes the output datastore"));
        }
        if (output.outputPathParameter() == null) {
            problems.add(new ValidationProblem("output.outputPathParameter",
                    "a pipeline needs the parameter that takes the output path"));
        }
        return problems;
    }

    @Override
    public void prepareAccess(ModelReference model) {
        if (backend.denied(model.workspaceId())) {
            throw new CustomModelsException("The caller needs Owner or User Access Administrator on workspace '"
                    + model.workspaceId() + "' to grant the service principal Contributor.");
        }
        backend.recordAccess(model);
    }

    @Override
    public JobHandle submit(JobRequest request) {
        String id = "job-" + jobCounter.incrementAndGet();
        jobs.put(id, JobState.QUEUED);
        requests.put(id, request);
        return new JobHandle(name, id, Map.of());
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        JobState next = jobs.computeIfPresent(handle.jobId(),
                (id, s) -> s == JobState.QUEUED ? JobState.RUNNING : s == JobState.RUNNING ? JobState.SUCCEEDED : s);
        if (next == null) {
            return JobStatus.failed("NotFound", "JobNotFound", "No job " + handle.jobId());
        }
        return JobStatus.of(next, next.name());
    }

    @Override
    public void cancel(JobHandle handle) {
        jobs.computeIfPresent(handle.jobId(), (id, s) -> s.isTerminal() ? s : JobState.CANCELED);
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        if (jobs.get(handle.jobId()) != JobState.SUCCEEDED) {
            throw new CustomModelsException("Job " + handle.jobId() + " has no output: it is "
                    + jobs.get(handle.jobId()) + ".");
        }
        StringBuilder csv = new StringBuilder("input,path\n");
        requests.get(handle.jobId()).inputs()
                .forEach(i -> i.paths().forEach(p -> csv.append(i.input()).append(',').append(p).append('\n')));
        String path = outputPrefix + "part-0.csv";
        context.lake().write(path, csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                dev.custommodels.spi.WriteCondition.none());
        return List.of(path);
    }

    private static <T> PagedIterable<T> page(List<T> items) {
        return new PagedIterable<>(() -> new PagedResponseBase<Void, T>(null, 200, null, items, null, null));
    }
}
