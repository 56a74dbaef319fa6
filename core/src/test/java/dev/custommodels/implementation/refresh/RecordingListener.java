package dev.custommodels.implementation.refresh;

import dev.custommodels.models.RefreshListener;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.WorkflowRefreshResult;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every event as one line, such as {@code started 2024-05-01T10:00Z}. Thread-safe. */
final class RecordingListener implements RefreshListener {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<RefreshResult> results = new CopyOnWriteArrayList<>();
    private final List<String> workflowEvents = new CopyOnWriteArrayList<>();

    @Override
    public void onWorkflowCompleted(WorkflowRefreshResult workflow) {
        workflowEvents.add(workflow.workflowId() + " " + workflow.status());
    }

    @Override
    public void onRefreshStarted(OffsetDateTime dueAt) {
        events.add("started " + dueAt);
    }

    @Override
    public void onRefreshCompleted(RefreshResult result) {
        results.add(result);
        events.add("completed " + result.startedAt() + " " + (result.isSuccessful() ? "ok" : "not ok"));
    }

    @Override
    public void onRefreshFailed(OffsetDateTime dueAt, RuntimeException error) {
        events.add("failed " + dueAt + " " + error.getMessage());
    }

    @Override
    public void onRefreshesSkipped(OffsetDateTime firstDueAt, long count, String reason) {
        events.add("skipped " + count + " from " + firstDueAt + ": " + reason);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    List<String> starts() {
        return events.stream().filter(e -> e.startsWith("started ")).map(e -> e.substring(8)).toList();
    }

    List<String> workflowEvents() {
        return List.copyOf(workflowEvents);
    }

    List<RefreshResult> results() {
        return List.copyOf(results);
    }
}
