package dev.custommodels.connectors.studio.implementation;

import static dev.custommodels.connectors.studio.StudioClassicOptions.CONNECTOR_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The lake side of jobs: under {@code <workPrefix>studio-classic/} a job has {@code job.json} (the manifest),
 * {@code chunks/chunk-NNNNNN.csv} (RRS results, one per chunk, written once), and the markers
 * {@code failed.json} and {@code cancelled.json}.
 */
final class JobStore {
    static final String FOLDER = "studio-classic/";
    static final String MODE = "mode";
    static final String MANIFEST = "manifest";

    private final LakeStore lake;
    private final Map<String, JobManifest> cache = new ConcurrentHashMap<>();

    JobStore(LakeStore lake) {
        this.lake = lake;
    }

    LakeStore lake() {
        return lake;
    }

    static String manifestPath(String workPrefix) {
        return workPrefix + FOLDER + "job.json";
    }

    static String base(String manifestPath) {
        return manifestPath.substring(0, manifestPath.length() - "job.json".length());
    }

    static String chunkPath(String manifestPath, int chunk) {
        return base(manifestPath) + "chunks/" + String.format("chunk-%06d.csv", chunk);
    }

    static JobHandle handle(JobManifest m, String manifestPath) {
        String jobId = m.isRrs() ? m.runId() : m.besJobId();
        return new JobHandle(CONNECTOR_NAME, jobId, Map.of(MODE, m.mode(), MANIFEST, manifestPath));
    }

    /** Writes a new manifest; when one exists already (the same run submitted again) returns that one. */
    JobManifest create(String path, JobManifest manifest) {
        try {
            lake.write(path, Json.write(manifest), WriteCondition.ifNotExists());
            cache.put(path, manifest);
            return manifest;
        } catch (LakeConditionFailedException e) {
            return load(path);
        }
    }

    Optional<JobManifest> find(String path) {
        if (lake.stat(path).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(load(path));
    }

    JobManifest load(JobHandle handle) {
        String path = handle.state().get(MANIFEST);
        if (path == null || !CONNECTOR_NAME.equals(handle.connector())) {
            throw new IllegalArgumentException("The job handle " + handle.jobId() + " was not made by the "
                    + CONNECTOR_NAME + " connector (connector '" + handle.connector() + "', state keys "
                    + handle.state().keySet() + ").");
        }
        return load(path);
    }

    JobManifest load(String path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                return Json.MAPPER.readValue(lake.readAll(p), JobManifest.class);
            } catch (LakeObjectNotFoundException e) {
                throw new CustomModelsException("The job manifest " + p + " is missing from the lake "
                        + lake.describe() + "; the job cannot be continued.", e);
            } catch (IOException e) {
                throw new CorruptStateException(p, "it is not a valid job manifest (" + e.getMessage() + ")", e);
            }
        });
    }

    /** The chunks whose results are in the lake. */
    Set<Integer> doneChunks(String manifestPath) {
        Set<Integer> done = new HashSet<>();
        try (Stream<LakeObjectInfo> files = lake.list(base(manifestPath) + "chunks/")) {
            files.forEach(f -> {
                String name = f.path().substring(f.path().lastIndexOf('/') + 1);
                if (name.startsWith("chunk-") && name.endsWith(".csv")) {
                    done.add(Integer.parseInt(name.substring(6, name.length() - 4)));
                }
            });
        }
        return done;
    }

    void markFailed(String manifestPath, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        writeOnce(base(manifestPath) + "failed.json", Json.write(body));
    }

    /** The failure recorded for a job: code and message, or empty. */
    Optional<String[]> failure(String manifestPath) {
        String path = base(manifestPath) + "failed.json";
        if (lake.stat(path).isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = Json.parse(lake.readAll(path), "failure record " + path);
        return Optional.of(new String[] {Json.text(n, "code"), Json.text(n, "message")});
    }

    void markCancelled(String manifestPath) {
        writeOnce(base(manifestPath) + "cancelled.json", "{\"cancelled\":true}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    boolean isCancelled(String manifestPath) {
        return lake.stat(base(manifestPath) + "cancelled.json").isPresent();
    }

    private void writeOnce(String path, byte[] body) {
        try {
            lake.write(path, body, WriteCondition.ifNotExists());
        } catch (LakeConditionFailedException e) {
            // recorded already
        }
    }
}
