package dev.custommodels.implementation;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowConflictException;
import dev.custommodels.models.WorkflowNotFoundException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Workflow files in the lake: {@code workflows/<id>.json}, written create-only or if-match on the lake object's
 * ETag. Thread-safe; safe across processes sharing a lake, as far as the store's conditional writes are.
 */
public final class WorkflowStore {
    /** The folder of workflow files. */
    public static final String PREFIX = "workflows/";
    private static final String SUFFIX = ".json";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int PAGE_SIZE = 100;
    private static final int READ_ATTEMPTS = 5;
    private static final ClientLogger LOGGER = new ClientLogger(WorkflowStore.class);

    private final LakeStore lake;

    /**
     * Creates the store.
     *
     * @param lake the lake
     */
    public WorkflowStore(LakeStore lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /**
     * Returns the lake path of a workflow.
     *
     * @param id the workflow id
     * @return {@code workflows/<id>.json}
     * @throws IllegalArgumentException if the id is not a valid workflow id
     */
    public static String pathOf(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            String shown = id.replaceAll("\\p{Cntrl}", "?");
            throw new IllegalArgumentException("'" + shown + "' is not a workflow id: ids are 1 to 128 letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit (createWorkflow assigns them).");
        }
        return PREFIX + id + SUFFIX;
    }

    /**
     * Reads a workflow.
     *
     * @param id the id
     * @return the workflow with its ETag
     * @throws WorkflowNotFoundException if there is none
     * @throws CorruptStateException naming the file if it cannot be read as a workflow
     */
    public Workflow get(String id) {
        return find(id).orElseThrow(() -> new WorkflowNotFoundException(id));
    }

    /**
     * Reads a workflow if it exists.
     *
     * @param id the id
     * @return the workflow with its ETag, or empty
     * @throws CorruptStateException naming the file if it cannot be read as a workflow, or names another id
     */
    public Optional<Workflow> find(String id) {
        String path = pathOf(id);
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
                Workflow w = WorkflowJson.read(path, bytes, after.get().etag());
                if (!w.id().equals(id)) {
                    throw new CorruptStateException(path, "it holds workflow '" + w.id() + "', not '" + id + "'",
                            null);
                }
                return Optional.of(w);
            }
        }
        throw new IllegalStateException("Workflow '" + id + "' kept changing while being read (" + READ_ATTEMPTS
                + " attempts); try again.");
    }

    /**
     * Writes a new workflow, create-only.
     *
     * @param workflow the workflow; its ETag is ignored
     * @return the workflow with the ETag of the new file
     * @throws IllegalStateException if a file with that id exists
     */
    public Workflow create(Workflow workflow) {
        String path = pathOf(workflow.id());
        try {
            String etag = lake.write(path, WorkflowJson.write(workflow), WriteCondition.ifNotExists());
            return withEtag(workflow, etag);
        } catch (LakeConditionFailedException e) {
            throw new IllegalStateException("A workflow with id '" + workflow.id() + "' exists already.", e);
        }
    }

    /**
     * Replaces a workflow if its stored ETag is still the expected one.
     *
     * @param workflow the new content; its ETag is ignored
     * @param expectedEtag the ETag the change was based on
     * @return the workflow with the ETag of the new file
     * @throws WorkflowConflictException naming both ETags if the stored one differs
     * @throws WorkflowNotFoundException if the workflow was deleted meanwhile
     */
    public Workflow replace(Workflow workflow, String expectedEtag) {
        String path = pathOf(workflow.id());
        try {
            String etag = lake.write(path, WorkflowJson.write(workflow), WriteCondition.ifMatch(expectedEtag));
            return withEtag(workflow, etag);
        } catch (LakeConditionFailedException e) {
            String current = lake.stat(path).map(LakeObjectInfo::etag).orElse(null);
            if (current == null) {
                throw new WorkflowNotFoundException(workflow.id());
            }
            throw LOGGER.logExceptionAsWarning(new WorkflowConflictException(workflow.id(), expectedEtag, current));
        }
    }

    /**
     * Deletes a workflow file.
     *
     * @param id the id
     * @return {@code true} if a file was deleted
     */
    public boolean delete(String id) {
        return lake.delete(pathOf(id));
    }

    /**
     * Lists the workflows, by id, a page at a time. A file that cannot be read is skipped with a warning naming
     * it; {@link #get(String)} of its id throws {@link CorruptStateException}.
     *
     * @return the workflows
     */
    public PagedIterable<Workflow> list() {
        return new PagedIterable<>(() -> page(null), this::page);
    }

    private PagedResponse<Workflow> page(String after) {
        List<String> ids = new ArrayList<>();
        String last = null;
        boolean more = false;
        try (Stream<LakeObjectInfo> objects = lake.list(PREFIX)) {
            for (LakeObjectInfo o : (Iterable<LakeObjectInfo>) objects::iterator) {
                String id = idOf(o.path());
                if (id == null || (after != null && o.path().compareTo(after) <= 0)) {
                    continue;
                }
                if (ids.size() == PAGE_SIZE) {
                    more = true;
                    break;
                }
                ids.add(id);
                last = o.path();
            }
        }
        List<Workflow> items = new ArrayList<>();
        for (String id : ids) {
            try {
                find(id).ifPresent(items::add);
            } catch (CorruptStateException e) {
                LOGGER.warning("Skipping a workflow in the listing: {}", e.getMessage());
            }
        }
        return new PagedResponseBase<Void, Workflow>(null, 200, null, items, more ? last : null, null);
    }

    /** Returns the id of a workflow file path directly in the folder, or {@code null} for other objects. */
    private static String idOf(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            return null;
        }
        String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        return ID.matcher(id).matches() ? id : null;
    }

    private static Workflow withEtag(Workflow w, String etag) {
        return new Workflow(w.id(), w.definition(), w.contract(), w.entitySchemas(), etag, w.createdAt(),
                w.updatedAt());
    }
}
