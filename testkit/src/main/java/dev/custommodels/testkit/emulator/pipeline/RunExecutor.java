package dev.custommodels.testkit.emulator.pipeline;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedDatastore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Executes a run's model over its first data input and writes the output CSV. */
final class RunExecutor {
    /** Why a run failed: an error code and message for run history. */
    record Failure(String code, String message) {
    }

    private final ArmEmulator arm;

    RunExecutor(ArmEmulator arm) {
        this.arm = arm;
    }

    Optional<Failure> execute(EmulatedRun run) {
        String outputDatastoreParam = run.pipeline.definition().outputDatastoreParameter();
        String outputPathParam = run.pipeline.definition().outputPathParameter();
        if (run.dataInputs.isEmpty()) {
            return Optional.of(new Failure("UserError", "The pipeline has no data input to score."));
        }
        String[] input = run.dataInputs.values().iterator().next();
        Optional<EmulatedDatastore> source = arm.findDatastore(run.workspaceId, input[0]);
        if (source.isEmpty()) {
            return Optional.of(new Failure("UserError", "Datastore '" + input[0] + "' of the input was not found."));
        }
        String outDatastore = run.parameters.get(outputDatastoreParam);
        String outPath = run.parameters.get(outputPathParam);
        Optional<EmulatedDatastore> target = outDatastore == null ? Optional.empty()
                : arm.findDatastore(run.workspaceId, outDatastore);
        if (target.isEmpty() || outPath == null || outPath.isBlank()) {
            return Optional.of(new Failure("UserError", "Output datastore '" + outDatastore + "' was not found or"
                    + " the output path is empty."));
        }
        List<String> files = inputFiles(source.get().store(), input[1]);
        if (files.isEmpty()) {
            return Optional.of(new Failure("UserError", "No input data at '" + input[1] + "' in datastore '"
                    + input[0] + "'."));
        }
        if (run.fault == RunFault.NO_OUTPUT) {
            return Optional.empty();
        }
        String folder = outPath.endsWith("/") ? outPath : outPath + "/";
        try {
            score(run, source.get().store(), files, target.get().store(), folder + "scores.csv");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Failure("SystemError", "Scoring failed: " + e.getMessage()));
        }
    }

    private static List<String> inputFiles(LakeStore store, String relativePath) {
        String p = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        if (!p.endsWith("/") && store.stat(p).isPresent()) {
            return List.of(p);
        }
        String prefix = p.endsWith("/") ? p : p + "/";
        try (Stream<LakeObjectInfo> list = store.list(prefix)) {
            return list.map(LakeObjectInfo::path).filter(s -> s.toLowerCase().endsWith(".csv")).toList();
        }
    }

    private static void score(EmulatedRun run, LakeStore source, List<String> files, LakeStore target, String path)
            throws IOException {
        PipelineModel model = run.pipeline.definition().model();
        LakeOutputStream out = target.openWrite(path, WriteCondition.none());
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            boolean headerWritten = false;
            for (String file : files) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(source.openRead(file),
                        StandardCharsets.UTF_8))) {
                    List<String> header = Csv.read(r);
                    if (header == null) {
                        continue;
                    }
                    if (!headerWritten) {
                        w.write(Csv.line(model.outputColumns(header)));
                        headerWritten = true;
                    }
                    if (run.fault == RunFault.EMPTY_OUTPUT) {
                        continue;
                    }
                    for (List<String> rec = Csv.read(r); rec != null; rec = Csv.read(r)) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 0; i < header.size(); i++) {
                            row.put(header.get(i), i < rec.size() ? rec.get(i) : "");
                        }
                        w.write(Csv.line(model.score(row)));
                    }
                }
            }
            w.flush();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        w.close();
    }
}
