package dev.custommodels.connectors.studio.implementation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Relates model output rows to the staged input rows they came from, by position: the joined row is the output
 * row followed by the staged columns the output does not already carry (such as the Customer ID when the model
 * does not echo it).
 */
final class RowJoiner {
    private final List<String> header;
    private final int[] appended;

    RowJoiner(List<String> outputColumns, List<String> stagedColumns) {
        Set<String> present = new HashSet<>(outputColumns);
        List<String> h = new ArrayList<>(outputColumns);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < stagedColumns.size(); i++) {
            if (!present.contains(stagedColumns.get(i))) {
                h.add(stagedColumns.get(i));
                idx.add(i);
            }
        }
        this.header = List.copyOf(h);
        this.appended = idx.stream().mapToInt(Integer::intValue).toArray();
    }

    List<String> header() {
        return header;
    }

    /** Tells whether nothing needs joining, so the output can be copied as it is. */
    boolean isIdentity() {
        return appended.length == 0;
    }

    List<String> join(List<String> outputRow, List<String> stagedRow) {
        List<String> row = new ArrayList<>(outputRow.size() + appended.length);
        row.addAll(outputRow);
        for (int i : appended) {
            row.add(i < stagedRow.size() ? stagedRow.get(i) : "");
        }
        return row;
    }
}
