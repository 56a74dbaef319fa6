package dev.custommodels.examples;

import dev.custommodels.mapping.Evidence;
import dev.custommodels.mapping.FieldMapping;
import dev.custommodels.mapping.MappingProposal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a mapping proposal as a table: field, type, chosen attribute, confidence, evidence, runner-up. */
final class MappingTable {
    static final List<String> HEADER = List.of("Field", "Type", "Status", "Attribute", "Confidence", "Evidence",
            "Runner-up");

    private MappingTable() {
    }

    static List<List<String>> rows(MappingProposal proposal) {
        List<List<String>> rows = new ArrayList<>();
        for (FieldMapping f : proposal.fields()) {
            String target = f.hasTarget() ? f.target().toString() : "-";
            String runnerUp = f.runnerUp() == null ? "-" : f.runnerUp().target() + " (" + f.runnerUp().reason() + ")";
            if (!f.hasTarget() && !f.nearMisses().isEmpty()) {
                runnerUp = "near miss " + f.nearMisses().get(0).target() + " (" + f.nearMisses().get(0).reason() + ")";
            }
            rows.add(List.of(f.field(), f.fieldType().toString(), f.status() + (f.pinned() ? " (pinned)" : ""),
                    target, String.format(Locale.ROOT, "%.2f", f.confidence()), evidence(f), runnerUp));
        }
        return rows;
    }

    static void print(PrintStream out, MappingProposal proposal) {
        out.println("  input '" + proposal.input() + "' is fed by entity " + proposal.entity());
        List<List<String>> rows = rows(proposal);
        int[] width = new int[HEADER.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.min(c >= 5 ? 46 : 30, HEADER.get(c).length());
            for (List<String> row : rows) {
                width[c] = Math.min(c >= 5 ? 46 : 30, Math.max(width[c], row.get(c).length()));
            }
        }
        out.println("  " + line(HEADER, width));
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        out.println("  " + line(rule, width));
        rows.forEach(r -> out.println("  " + line(r, width)));
    }

    private static String evidence(FieldMapping f) {
        if (f.pinned()) {
            return "pinned by the host";
        }
        return f.evidence().stream().filter(e -> e.contribution() != 0)
                .sorted((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())))
                .limit(2).map(Evidence::rule).collect(Collectors.joining(", "));
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell.length() > width[c]) {
                cell = cell.substring(0, width[c] - 1) + "…";
            }
            b.append(String.format("%-" + width[c] + "s", cell)).append(c + 1 < cells.size() ? "  " : "");
        }
        return b.toString().stripTrailing();
    }
}
