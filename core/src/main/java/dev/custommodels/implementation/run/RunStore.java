package dev.custommodels.implementation.run;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.models.RunNotFoundException;
import dev.custommodels.models.RunRecord;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Run records in the lake: {@code runs/<workflowId>/<runId>/run.json}, written create-only and then if-match on the
 * ETag of the last write, and a pointer {@code runs/_ids/<runId>} from each run id to its workflow. Thread-safe.
 */
final class RunStore {
    private static final ClientLogger LOGGER = new ClientLogger(RunStore.class);
    private static final int PAGE_SIZE = 50;
    private static final int READ_ATTEMPTS = 5;

    private final LakeStore lake;

    RunStore(LakeStore lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /**
     * A run document with the ETag it was read or written with.
     *
     * @param document the document
     * @param etag the ETag of run.json
     */
    record Versioned(RunDocument document, String etag) {
    }

    /** Writes a new run: the pointer, then run.json create-only. Returns the ETag of run.json. */
    String create(RunDocument doc) {
        lake.write(RunPaths.pointer(doc.runId), doc.workflowId.getBytes(StandardCharsets.UTF_8),
                WriteCondition.none());
        return lake.write(RunPaths.record(doc.workflowId, doc.runId), RunJson.write(doc),
                WriteCondition.ifNotExists());
    }

    /**
     * Writes a checkpoint if run.json is still the version this driver wrote last.
     *
     * @throws LeaseLostException if another process wrote it meanwhile
     */
    String save(RunDocument doc, String etag) {
        try {
            return lake.write(RunPaths.record(doc.workflowId, doc.runId), RunJson.write(doc),
                    WriteCondition.ifMatch(etag));
        } catch (LakeConditionFailedException e) {
            throw new LeaseLostException("The record of run '" + doc.runId + "' was changed by another process"
                    + " (it took the run over); this process stops driving it.", e);
        }
    }

    /** Reads a run by id, finding its workflow through the pointer. */
    Versioned load(String runId) {
        String workflowId;
        try {
            workflowId = new String(lake.readAll(RunPaths.pointer(runId)), StandardCharsets.UTF_8).strip();
        } catch (LakeObjectNotFoundException e) {
            throw new RunNotFoundException(runId);
        }
        return read(workflowId, runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** Reads run.json consistently (unchanged ETag around the read). */
    Optional<Versioned> read(String workflowId, String runId) {
        String path = RunPaths.record(workflowId, runId);
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            Optional<LakeObjectInfo> before = lake.stat(path);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = lake.readAll(path);
            } catch (LakeObjectNotFoundException e) {
                return Optional.empty();
            }
            Optional<LakeObjectInfo> after = lake.stat(path);
            if (after.isPresent() && after.get().etag().equals(before.get().etag())) {
                RunDocument doc = RunJson.read(path, bytes, RunDocument.class);
                if (!runId.equals(doc.runId) || !workflowId.equals(doc.workflowId)) {
                    throw new CorruptStateException(path, "it holds run '" + doc.runId + "' of workflow '"
                            + doc.workflowId + "'", null);
                }
                if (doc.formatVersion > RunDocument.FORMAT_VERSION) {
                    throw new CorruptStateException(path, "it has format version " + doc.formatVersion
                            + ", written by a newer version of this SDK", null);
                }
                return Optional.of(new Versioned(doc, after.get().etag()));
            }
        }
        throw new IllegalStateException("Run '" + runId + "' kept changing while being read (" + READ_ATTEMPTS
                + " attempts); try again.");
    }

    /** Lists a workflow's runs, newest first. A record that cannot be read is skipped with a warning. */
    PagedIterable<RunRecord> list(String workflowId) {
        return new PagedIterable<>(() -> page(workflowId, null), token -> page(workflowId, token));
    }

    private PagedResponse<RunRecord> page(String workflowId, String before) {
        List<String> ids = new ArrayList<>();
        try (Stream<LakeObjectInfo> objects = lake.list(RunPaths.workflowFolder(workflowId))) {
            objects.map(o -> RunPaths.runIdOfRecord(workflowId, o.path())).filter(Objects::nonNull)
                    .filter(id -> before == null || id.compareTo(before) < 0).forEach(ids::add);
        }
        ids.sort(Comparator.reverseOrder());
        boolean more = ids.size() > PAGE_SIZE;
        List<String> pageIds = more ? ids.subList(0, PAGE_SIZE) : ids;
        List<RunRecord> items = new ArrayList<>();
        for (String id : pageIds) {
            try {
                read(workflowId, id).ifPresent(v -> items.add(v.document().toRecord()));
            } catch (CorruptStateException e) {
                LOGGER.warning("Skipping a run in the listing: {}", e.getMessage());
            }
        }
        String next = more ? pageIds.get(pageIds.size() - 1) : null;
        return new PagedResponseBase<Void, RunRecord>(null, 200, null, items, next, null);
    }
}
