package dev.custommodels.benchmarks;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.examples.ChurnPipelineBackend;
import dev.custommodels.examples.SampleEntities;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingOptions;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code pipeline-run [rows]}: one run through the public client and the pipeline emulator on loopback, end to end
 * (export, stage, submit, poll, score, collect, relate, commit), against the raw floor of the same data: writing
 * the exported CSV bytes with a plain {@code BufferedWriter} and reading them back, in the same run.
 */
public final class PipelineRunWorkload implements Workload {

    @Override
    public String name() {
        return "pipeline-run";
    }

    @Override
    public String usage() {
        return "pipeline-run [rows, default 1000000]";
    }

    @Override
    public void run(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        Path dir = Files.createTempDirectory("cm-pipeline-run");
        EntitySource customers = SampleEntities.customers(rows);
        double floor = rawFloorSeconds(customers, dir.resolve("raw.csv"));
        try (CustomModelsTestEnvironment env = CustomModelsTestEnvironment.builder().loopback(true)
                .directory(dir.resolve("env")).backend(new ChurnPipelineBackend()).build()) {
            CustomModelsClient client = env.clientBuilder().entityCatalog(EntityCatalog.of(customers)).buildClient();
            var model = env.model(ChurnPipelineBackend.ENDPOINT);
            ModelInput input = client.describeService(model).inputs().get(0);
            var binding = new MappingEngineBuilder().buildEngine().propose(input, EntityCatalog.of(customers)
                    .schemas(), new MappingOptions().pin("region", "Customer.Country")).toInputBinding();
            Workflow workflow = client.createWorkflow(WorkflowDefinition.of("Churn", model, List.of(binding),
                    new OutputSettings("ChurnScores", null, "output_datastore", "output_path"),
                    ChurnPipelineBackend.ID_COLUMN));
            long start = System.nanoTime();
            RunResult result = client.beginRun(workflow.id()).getFinalResult();
            double wall = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "rows=%d committed=%d raw_floor_s=%.3f phases=%s%n", rows,
                    result.counts().committedRows(), floor, result.phases());
            System.out.printf(Locale.ROOT, "pipeline: overhead=%.2f wall_s=%.3f%n", wall / floor, wall);
        }
    }

    private static double rawFloorSeconds(EntitySource source, Path file) throws Exception {
        long start = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); RowCursor c = source.open()) {
            StringBuilder line = new StringBuilder();
            while (c.hasNext()) {
                Row r = c.next();
                line.setLength(0);
                for (int i = 0; i < r.size(); i++) {
                    line.append(i == 0 ? "" : ",").append(r.get(i) == null ? "" : r.get(i));
                }
                w.write(line.append('\n').toString());
            }
        }
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        if (lines == 0) {
            throw new IllegalStateException("The raw floor wrote nothing.");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
