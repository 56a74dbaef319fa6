package dev.custommodels.connectors.batch.implementation;

import com.azure.core.http.HttpPipeline;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Polls jobs over ARM ({@code GET {workspace}/jobs/{name}}) and maps their status; fetches the error of failed
 * jobs from run history; gives up on jobs past the job timeout (cancelling them) or stuck in
 * {@code NotResponding}/{@code Paused} past the stuck timeout.
 */
final class JobMonitor {
    private static final ClientLogger LOGGER = new ClientLogger(JobMonitor.class);
    private static final Duration NOT_FOUND_GRACE = Duration.ofMinutes(5);
    private static final Set<String> QUEUED = Set.of("notstarted", "queued", "preparing", "provisioning", "starting");
    private static final Set<String> STUCK = Set.of("notresponding", "paused");

    private final ConnectorContext context;
    private final RunHistory runHistory = new RunHistory();
    private final Duration jobTimeout;
    private final Duration stuckTimeout;
    private final Map<String, Instant> stuckSince = new ConcurrentHashMap<>();

    JobMonitor(ConnectorContext context, Duration jobTimeout, Duration stuckTimeout) {
        this.context = context;
        this.jobTimeout = jobTimeout;
        this.stuckTimeout = stuckTimeout;
    }

    JobStatus poll(BatchArm arm, Supplier<HttpPipeline> mlPipeline, BatchJobRef ref) {
        Instant now = context.clock().instant();
        Optional<JobInfo> job = arm.getJob(ref.workspaceId(), ref.jobName());
        if (job.isEmpty()) {
            if (Duration.between(ref.submittedAt(), now).compareTo(NOT_FOUND_GRACE) < 0) {
                return JobStatus.of(JobState.QUEUED, "NotFound");
            }
            return JobStatus.failed("NotFound", "JobNotFound", "Job " + ref.jobName() + " no longer exists in"
                    + " workspace " + ref.workspaceId() + "; it may have been deleted. Run the workflow again.");
        }
        String status = job.get().status() == null ? "Unknown" : job.get().status();
        String s = status.toLowerCase(Locale.ROOT);
        LOGGER.info("Job {} of endpoint {} is {}.", ref.jobName(), ref.endpoint(), status);
        if (s.equals("completed")) {
            return JobStatus.of(JobState.SUCCEEDED, status);
        }
        if (s.equals("failed")) {
            RunHistory.Error e = runHistory.error(arm, mlPipeline, ref.workspaceId(), ref.jobName());
            LOGGER.warning("Job {} failed: {}", ref.jobName(), e.message());
            return JobStatus.failed(status, e.code(), e.message());
        }
        if (s.equals("canceled") || s.equals("cancelled")) {
            return JobStatus.of(JobState.CANCELED, status);
        }
        Optional<JobStatus> overdue = overdue(arm, ref, status, now);
        if (overdue.isPresent()) {
            return overdue.get();
        }
        return JobStatus.of(QUEUED.contains(s) ? JobState.QUEUED : JobState.RUNNING, status);
    }

    private Optional<JobStatus> overdue(BatchArm arm, BatchJobRef ref, String status, Instant now) {
        if (Duration.between(ref.submittedAt(), now).compareTo(jobTimeout) > 0) {
            LOGGER.warning("Job {} is still {} after {}; cancelling it.", ref.jobName(), status, jobTimeout);
            arm.cancelJob(ref.workspaceId(), ref.jobName());
            return Optional.of(JobStatus.failed(status, "ClientTimeout", "Job " + ref.jobName() + " did not finish"
                    + " within " + jobTimeout + " (option amlBatchEndpoint.jobTimeout) and was cancelled; it was "
                    + status + "."));
        }
        if (!STUCK.contains(status.toLowerCase(Locale.ROOT))) {
            stuckSince.remove(ref.jobName());
            return Optional.empty();
        }
        Instant since = stuckSince.computeIfAbsent(ref.jobName(), k -> now);
        if (Duration.between(since, now).compareTo(stuckTimeout) > 0) {
            stuckSince.remove(ref.jobName());
            return Optional.of(JobStatus.failed(status, "JobStuck", "Job " + ref.jobName() + " has been " + status
                    + " since " + since + ", longer than " + stuckTimeout + " (option amlBatchEndpoint.stuckTimeout)."
                    + " Look at it in Azure Machine Learning studio, cancel it, and run the workflow again."));
        }
        return Optional.empty();
    }

    void cancel(BatchArm arm, BatchJobRef ref) {
        arm.cancelJob(ref.workspaceId(), ref.jobName());
        stuckSince.remove(ref.jobName());
    }
}
