package dev.custommodels.examples;

import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the scheduled-refresh example produced.
 *
 * @param churn workflow A, which writes {@code ChurnScores}
 * @param offers workflow B, which reads {@code ChurnScores} and writes {@code RetentionOffers}
 * @param refreshes the scheduled refreshes the example waited for, in the order they completed
 * @param completionOrder per refresh, the display names of its workflows in the order the listener heard they
 *     completed
 * @param runs per workflow id, its runs as the client lists them after the schedule was closed
 * @param churnRow the looked-up customer's row in {@code ChurnScores}
 * @param offerRow the looked-up customer's row in {@code RetentionOffers}
 */
public record ScheduledRefreshResult(Workflow churn, Workflow offers, List<RefreshResult> refreshes,
        List<List<String>> completionOrder, Map<String, List<RunRecord>> runs, OutputRow churnRow,
        OutputRow offerRow) {

    /**
     * Checks that every part is present and copies the collections.
     *
     * @param churn workflow A
     * @param offers workflow B
     * @param refreshes the scheduled refreshes, in completion order
     * @param completionOrder per refresh, its workflows' display names in completion order
     * @param runs per workflow id, its runs
     * @param churnRow the looked-up customer's row in {@code ChurnScores}
     * @param offerRow the looked-up customer's row in {@code RetentionOffers}
     */
    public ScheduledRefreshResult {
        Objects.requireNonNull(churn, "churn");
        Objects.requireNonNull(offers, "offers");
        refreshes = List.copyOf(refreshes);
        completionOrder = completionOrder.stream().map(List::copyOf).toList();
        runs = Map.copyOf(runs);
        Objects.requireNonNull(churnRow, "churnRow");
        Objects.requireNonNull(offerRow, "offerRow");
    }
}
