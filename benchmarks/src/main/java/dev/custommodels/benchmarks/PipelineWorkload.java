package dev.custommodels.benchmarks;

import dev.custommodels.connectors.pipeline.AmlPipelineConnectorProvider;
import dev.custommodels.connectors.pipeline.AmlPipelineOptions;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import dev.custommodels.testkit.emulator.pipeline.PipelineDefinition;
import dev.custommodels.testkit.emulator.pipeline.PipelineEmulator;
import dev.custommodels.testkit.emulator.pipeline.PipelineModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code pipeline [rows]}: one run of N rows through the {@code aml-pipeline} connector and the pipeline emulator
 * (in process, local stores): stage, submit, poll to the end, collect. The raw limit is copying the same input
 * bytes into the datastore and the same output bytes back into the lake, without the connector or the service.
 */
public final class PipelineWorkload implements Workload {
    private static final String TENANT = "tenant-bench";

    /** Creates the workload; {@link java.util.ServiceLoader} calls this. */
    public PipelineWorkload() {
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String usage() {
        return "pipeline [rows=200000]";
    }

    @Override
    public void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("cm-pipeline-bench");
        try {
            LocalLakeStore lake = new LocalLakeStore(dir.resolve("lake"));
            LocalLakeStore blob = new LocalLakeStore(dir.resolve("blob"));
            long inputBytes = writeInput(lake, "in/part-00000.csv", rows);
            ArmEmulator arm = new ArmEmulator().subscription("sub", "Bench", TENANT);
            EmulatedWorkspace ws = arm.workspace("sub", "rg", "ws", "eastus");
            arm.datastore(ws.id(), "workspaceblobstore", "sa", "c", blob);
            PipelineEmulator pipelines = new PipelineEmulator(arm);
            String endpoint = pipelines.publishEndpoint(ws, "bench",
                    PipelineDefinition.batchScoring("bench", PipelineModel.churn("CustomerId")));
            try (Emulator emulator = Emulator.builder().service(arm).service(pipelines).recordBodies(false).build()) {
                Connector connector = new AmlPipelineConnectorProvider().create(TestConnectorContext.builder()
                        .httpClient(emulator.httpClient()).lake(lake).credential(TENANT,
                                new FakeTokenCredential(TENANT)).datastores(arm::datastoreStore)
                        .option(AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID, "sp").build());
                ModelReference model = new ModelReference("aml-pipeline", TENANT, ws.id(), endpoint, null);
                JobRequest request = new JobRequest("bench-run", "bench-wf", model, connector.describeService(model),
                        List.of(new StagedInput("input_data", List.of("in/part-00000.csv"),
                                List.of("CustomerId", "Tenure", "Plan"), rows)), Map.of(),
                        new OutputSettings("Scores", null, "output_datastore", "output_path"), "connector/", "CustomerId");
                long start = System.nanoTime();
                JobHandle handle = connector.submit(request);
                JobStatus status;
                int polls = 0;
                do {
                    status = connector.poll(handle);
                    polls++;
                } while (!status.state().isTerminal());
                List<String> out = connector.collect(handle, "out/");
                double runSeconds = (System.nanoTime() - start) / 1e9;
                long outputBytes = lake.stat(out.get(0)).orElseThrow().size();
                double rawSeconds = rawCopy(lake, blob, "in/part-00000.csv", out.get(0));
                System.out.printf("{\"workload\":\"pipeline\",\"rows\":%d,\"inputBytes\":%d,\"outputBytes\":%d,"
                        + "\"polls\":%d,\"status\":\"%s\",\"runSeconds\":%.3f,\"rawCopySeconds\":%.3f,"
                        + "\"ratio\":%.2f}%n", rows, inputBytes, outputBytes, polls, status.remoteStatus(), runSeconds,
                        rawSeconds, runSeconds / rawSeconds);
                System.out.printf("pipeline: rows=%d runSeconds=%.3f rawCopySeconds=%.3f ratio=%.2f%n", rows,
                        runSeconds, rawSeconds, runSeconds / rawSeconds);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long writeInput(LocalLakeStore lake, String path, int rows) throws IOException {
        LakeOutputStream out = lake.openWrite(path, WriteCondition.none());
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            w.write("CustomerId,Tenure,Plan\r\n");
            for (int i = 0; i < rows; i++) {
                w.write("cust-" + i + "," + (i % 72) + ",plan-" + (i % 5) + "\r\n");
            }
        }
        return lake.stat(path).orElseThrow().size();
    }

    /** Copies the input into the datastore and the output back into the lake, as plain stream copies. */
    private static double rawCopy(LocalLakeStore lake, LocalLakeStore blob, String input, String output)
            throws IOException {
        long start = System.nanoTime();
        copy(lake, input, blob, "raw/input.csv");
        copy(lake, output, lake, "raw/output.csv");
        return (System.nanoTime() - start) / 1e9;
    }

    private static void copy(LocalLakeStore from, String fromPath, LocalLakeStore to, String toPath)
            throws IOException {
        try (InputStream in = from.openRead(fromPath); LakeOutputStream out = to.openWrite(toPath,
                WriteCondition.none())) {
            in.transferTo(out);
        }
    }
}
