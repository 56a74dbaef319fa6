package dev.custommodels.connectors.batch.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.connectors.batch.BatchEndpointOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the job a run already created, so that an invoke is never repeated blindly: first by the run-id tag (or
 * property) the connector sends, then, for services that drop invoke tags, among recent batch jobs by the run's
 * own datastore folder in their input and output URIs.
 */
final class JobFinder {
    private static final ClientLogger LOGGER = new ClientLogger(JobFinder.class);
    private static final int MAX_PAGES = 20;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String BATCH_TAG = "azureml.batchrun";

    /**
     * A job found for a run.
     *
     * @param job the job
     * @param folder the run's attempt folder the job uses, or {@code null} when it cannot be told
     */
    record Found(JobInfo job, String folder) {
    }

    private JobFinder() {
    }

    /**
     * Looks for the job of a run.
     *
     * @param arm the ARM calls
     * @param workspaceId the workspace
     * @param runId the run id
     * @param runFolder the run's datastore folder, ending with {@code /}
     * @param attemptFolder the attempt folder the job must use, or {@code null} for any attempt of the run
     * @param notBefore jobs created before this (less clock skew) are not considered by folder, or {@code null}
     * @return the newest matching job
     */
    static Optional<Found> find(BatchArm arm, String workspaceId, String runId, String runFolder,
            String attemptFolder, Instant notBefore) {
        List<JobInfo> candidates = new ArrayList<>();
        for (JobInfo j : arm.listJobsWithTag(workspaceId, BatchEndpointOptions.RUN_ID_TAG, MAX_PAGES)) {
            if (runId.equals(j.tags().get(BatchEndpointOptions.RUN_ID_TAG))
                    || runId.equals(j.properties().get(BatchEndpointOptions.RUN_ID_TAG))) {
                candidates.add(j);
            }
        }
        String fragment = "/paths/" + runFolder;
        if (attemptFolder != null) {
            candidates.removeIf(j -> !attemptFolder.equals(folderOf(j, runFolder, fragment)));
        }
        if (candidates.isEmpty()) {
            String wanted = "/paths/" + (attemptFolder != null ? attemptFolder : runFolder);
            for (JobInfo j : arm.listJobsWithTag(workspaceId, BATCH_TAG, MAX_PAGES)) {
                boolean recent = notBefore == null || j.createdAt() == null
                        || !j.createdAt().isBefore(notBefore.minus(CLOCK_SKEW));
                if (recent && j.mentions(wanted)) {
                    candidates.add(j);
                }
            }
        }
        Optional<JobInfo> newest = candidates.stream().max(Comparator.comparing(JobInfo::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        if (candidates.size() > 1) {
            LOGGER.warning("Run {} has {} jobs: {}; using the newest, {}.", runId, candidates.size(),
                    candidates.stream().map(JobInfo::name).toList(), newest.get().name());
        }
        return newest.map(j -> new Found(j, folderOf(j, runFolder, fragment)));
    }

    private static String folderOf(JobInfo j, String runFolder, String fragment) {
        String tagged = j.tags().get(Invoker.FOLDER_TAG);
        if (tagged != null && tagged.startsWith(runFolder)) {
            return tagged;
        }
        List<String> uris = new ArrayList<>(j.inputUris().values());
        uris.addAll(j.outputUris().values());
        for (String uri : uris) {
            int at = uri.indexOf(fragment);
            if (at >= 0) {
                String rest = uri.substring(at + fragment.length());
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    return runFolder + rest.substring(0, slash + 1);
                }
            }
        }
        return null;
    }
}
