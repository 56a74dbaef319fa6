package dev.custommodels.fakes;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.implementation.CsvReader;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A batch-scoring connector over a {@link ScoringBackend}: a job reads the staged CSV files from the lake when it
 * is collected, scores every row ({@code churnScore = 1 / (1 + tenure)}) and writes one output CSV per staged file,
 * with the header {@code customerId,churnScore}. Jobs live in the backend's directory, so another process can poll,
 * cancel or collect them, and {@link #findSubmitted} finds a job by its run id.
 */
final class ScoringConnector implements Connector {
    private final String name;
    private final ScoringBackend backend;
    private final ConnectorContext context;

    ScoringConnector(String name, ScoringBackend backend, ConnectorContext context) {
        this.name = name;
        this.backend = backend;
        this.context = context;
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        List<WorkspaceInfo> list = backend.discovery().workspaces(tenantId);
        return new PagedIterable<>(() -> new PagedResponseBase<Void, WorkspaceInfo>(null, 200, null, list, null,
                null));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        List<ServiceInfo> list = backend.discovery().serviceKeys(workspaceId).stream()
                .map(k -> new ServiceInfo(new ModelReference(name, tenantId, k.split("/")[0], k.split("/")[1], null),
                        k.split("/")[1], backend.discovery().kind(k), null)).toList();
        return new PagedIterable<>(() -> new PagedResponseBase<Void, ServiceInfo>(null, 200, null, list, null,
                null));
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        ServiceContract c = backend.discovery().contract(model.workspaceId() + "/" + model.serviceId());
        if (c == null) {
            throw new CustomModelsException("Workspace '" + model.workspaceId() + "' has no service '"
                    + model.serviceId() + "'.");
        }
        return c;
    }

    @Override
    public JobHandle submit(JobRequest request) {
        Properties job = new Properties();
        job.setProperty("runId", request.runId());
        job.setProperty("state", JobState.QUEUED.name());
        job.setProperty("polls", "0");
        List<String> files = new ArrayList<>();
        for (StagedInput in : request.inputs()) {
            files.addAll(in.paths());
        }
        job.setProperty("inputs", String.join("|", files));
        String id = backend.newJob(job);
        backend.afterSubmitPersisted.run();
        return new JobHandle(name, id, Map.of("service", request.model().serviceId()));
    }

    @Override
    public Optional<JobHandle> findSubmitted(JobRequest request) {
        if (!backend.findSubmittedSupported) {
            return Optional.empty();
        }
        return backend.jobs().stream().filter(j -> request.runId().equals(j.getProperty("runId"))).findFirst()
                .map(j -> new JobHandle(name, j.getProperty("id"), Map.of("service", request.model().serviceId())));
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        backend.onPoll.run();
        Properties job = backend.job(handle.jobId()).orElse(null);
        if (job == null) {
            return JobStatus.failed("NotFound", "JobNotFound", "There is no job " + handle.jobId() + ".");
        }
        JobState state = JobState.valueOf(job.getProperty("state"));
        if (state.isTerminal()) {
            return status(state, job);
        }
        int polls = Integer.parseInt(job.getProperty("polls")) + 1;
        job.setProperty("polls", Integer.toString(polls));
        if (backend.failCode != null) {
            job.setProperty("state", JobState.FAILED.name());
            backend.save(handle.jobId(), job);
            return JobStatus.failed("Failed", backend.failCode, backend.failMessage);
        }
        JobState next = polls >= backend.pollsToFinish ? JobState.SUCCEEDED : JobState.RUNNING;
        job.setProperty("state", next.name());
        backend.save(handle.jobId(), job);
        return status(next, job);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private JobStatus status(JobState state, Properties job) {
        if (state == JobState.FAILED) {
            return JobStatus.failed("Failed", backend.failCode, backend.failMessage);
        }
        String remote = switch (state) {
            case QUEUED -> "NotStarted";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Finished";
            case CANCELED -> "Cancelled";
            default -> state.name();
        };
        return new JobStatus(state, remote, null, null, -1, -1, state == JobState.RUNNING ? backend.retryAfter : null);
    }

    @Override
    public void cancel(JobHandle handle) {
        backend.job(handle.jobId()).ifPresent(job -> {
            if (!JobState.valueOf(job.getProperty("state")).isTerminal()) {
                job.setProperty("state", JobState.CANCELED.name());
                job.setProperty("canceled", "true");
                backend.save(handle.jobId(), job);
            }
        });
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        Properties job = backend.job(handle.jobId()).orElseThrow(() -> new CustomModelsException("No job "
                + handle.jobId()));
        if (!JobState.SUCCEEDED.name().equals(job.getProperty("state"))) {
            throw new CustomModelsException("Job " + handle.jobId() + " has no output: it is "
                    + job.getProperty("state") + ".");
        }
        List<String> written = new ArrayList<>();
        String[] inputs = job.getProperty("inputs").split("\\|");
        for (int i = 0; i < inputs.length; i++) {
            String out = outputPrefix + String.format(Locale.ROOT, "scores-%05d.csv", i);
            score(inputs[i], out, new long[] {0});
            written.add(out);
            if (i == 0) {
                backend.afterFirstOutputFile.run();
            }
        }
        return written;
    }

    private void score(String input, String output, long[] row) {
        LakeOutputStream out = context.lake().openWrite(output, WriteCondition.none());
        try (CsvReader csv = new CsvReader(new InputStreamReader(context.lake().openRead(input),
                StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(csv.next());
            int id = header.indexOf("customerId");
            int tenure = header.indexOf("tenure");
            StringBuilder b = new StringBuilder(backend.idColumn).append(",churnScore\n");
            for (String[] r = csv.next(); r != null; r = csv.next()) {
                row[0]++;
                String key = backend.unknownEvery > 0 && row[0] % backend.unknownEvery == 0 ? "zz-" + r[id] : r[id];
                double t = r[tenure] == null ? 1 : Double.parseDouble(r[tenure]);
                String line = csv(key) + "," + String.format(Locale.ROOT, "%.6f", 1 / (1 + t)) + "\n";
                b.append(line);
                if (backend.duplicateEvery > 0 && row[0] % backend.duplicateEvery == 0) {
                    b.append(line);
                }
                if (b.length() > 1 << 16) {
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                    b.setLength(0);
                }
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }
}
