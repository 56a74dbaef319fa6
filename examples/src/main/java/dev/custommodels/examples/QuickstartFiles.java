package dev.custommodels.examples;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputQueryOptions;
import dev.custommodels.output.OutputRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The quickstart's files: a fresh output directory and the run report beside the output. */
final class QuickstartFiles {
    private QuickstartFiles() {
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    static Path writeReport(Path dir, CustomModelsClient client, Workflow workflow, MappingProposal proposal,
            RunResult result) throws IOException {
        String entity = workflow.definition().output().entityName();
        RunReport.Histogram histogram = RunReport.Histogram.of(0, 1, 20);
        for (OutputRow row : client.getOutputEntityClient().query(entity,
                new OutputQueryOptions().setSelect(ChurnPipelineBackend.SCORE_COLUMN).setPageSize(10_000))) {
            histogram.add(((Number) row.get(ChurnPipelineBackend.SCORE_COLUMN)).doubleValue());
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Rows sent", Long.toString(result.counts().exportedRows()));
        figures.put("Rows rejected at export", Long.toString(result.counts().rejectedRows()));
        figures.put("Rows scored", Long.toString(result.counts().resultRows()));
        if (result.relation() != null) {
            figures.put("Customer IDs related", Long.toString(result.relation().matchedIds()));
            figures.put("Unknown Customer IDs", Long.toString(result.relation().unknownIds()));
            figures.put("Duplicate Customer IDs", Long.toString(result.relation().duplicateIds()));
            figures.put("Match rate", String.format(java.util.Locale.ROOT, "%.4f", result.relation().matchRate()));
        }
        figures.put("Rows committed", Long.toString(result.counts().committedRows()));
        figures.put("Duration", String.valueOf(result.duration()));
        Map<String, String> lineage = new LinkedHashMap<>();
        lineage.put("Run id", result.runId());
        lineage.put("Workflow", workflow.displayName() + " (" + workflow.id() + ")");
        lineage.put("Model", workflow.model().displayString());
        lineage.put("Output entity", entity + ", version " + result.outputGeneration());
        lineage.put("Started", String.valueOf(result.startedAt()));
        lineage.put("Completed", String.valueOf(result.completedAt()));
        RunReport report = new RunReport("Run report: " + workflow.displayName(), figures, MappingTable.HEADER,
                MappingTable.rows(proposal), lineage, ChurnPipelineBackend.SCORE_COLUMN, histogram);
        Path file = dir.resolve("run-report.html");
        report.write(file);
        return file;
    }
}
