package dev.custommodels.examples;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.entities.CsvEntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The connector of {@link LocalModelConnectorProvider}. A job scores its staged input while it is submitted and
 * keeps the scores (or the error) in the lake under the request's work folder, so any instance can poll and
 * collect it from its handle. Thread-safe.
 */
final class LocalModelConnector implements Connector {
    /** The one workspace. */
    static final String WORKSPACE = "in-process";
    private static final String INPUT = "rows";
    private static final String OUTPUT = "scores";

    private final ConnectorContext context;
    private final Map<String, LocalModel> models;

    LocalModelConnector(ConnectorContext context, Map<String, LocalModel> models) {
        this.context = context;
        this.models = Map.copyOf(models);
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return page(List.of(new WorkspaceInfo(WORKSPACE, "Models in this JVM", tenantId, "Local", null)));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        return page(models.values().stream().sorted(Comparator.comparing(LocalModel::name))
                .map(m -> new ServiceInfo(new ModelReference(LocalModelConnectorProvider.NAME, tenantId, WORKSPACE,
                        m.name(), null), m.name(), "in-process model",
                        m.isTrained() ? null : "The model has no weights yet; train it first."))
                .toList());
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        LocalModel m = model(model);
        return new ServiceContract(List.of(ModelInput.of(INPUT, m.inputFields())), List.of(),
                List.of(new ModelOutput(OUTPUT, m.outputColumns())));
    }

    @Override
    public JobHandle submit(JobRequest request) {
        LocalModel model = model(request.model());
        String folder = request.workPrefix() + "local-model/";
        try {
            score(model, request.inputs().get(0), folder + "scores.csv");
        } catch (IllegalArgumentException e) {
            context.lake().write(folder + "error.txt", e.getMessage().getBytes(StandardCharsets.UTF_8),
                    WriteCondition.none());
        }
        return new JobHandle(LocalModelConnectorProvider.NAME, request.runId(), Map.of("folder", folder));
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        String folder = handle.state().get("folder");
        if (context.lake().stat(folder + "scores.csv").isPresent()) {
            return JobStatus.of(JobState.SUCCEEDED, "Scored");
        }
        String error = context.lake().stat(folder + "error.txt").isPresent()
                ? new String(context.lake().readAll(folder + "error.txt"), StandardCharsets.UTF_8)
                : "The job left no scores in " + folder + ".";
        return JobStatus.failed("Failed", "ScoringError", error);
    }

    @Override
    public void cancel(JobHandle handle) {
        // A job is finished when submit returns; there is nothing to cancel.
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        String path = outputPrefix + "part-00000.csv";
        context.lake().write(path, context.lake().readAll(handle.state().get("folder") + "scores.csv"),
                WriteCondition.none());
        return List.of(path);
    }

    private LocalModel model(ModelReference ref) {
        LocalModel m = models.get(ref.serviceId());
        if (m == null) {
            throw new CustomModelsException("No local model '" + ref.serviceId() + "'. Models: "
                    + models.keySet().stream().sorted().toList() + ".");
        }
        return m;
    }

    /** Streams the staged CSV files through the model into one CSV object, committed only when all is scored. */
    private void score(LocalModel model, StagedInput input, String target) {
        EntitySchema staged = new EntitySchema(input.input(), input.columns().stream()
                .map(c -> Attribute.of(c, DataType.STRING)).toList(), model.idField());
        LakeOutputStream out = context.lake().openWrite(target, WriteCondition.none());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean scored = false;
        try {
            writer.write(model.idField() + "," + LocalModel.SCORE + "\r\n");
            for (String path : input.paths()) {
                scoreFile(model, staged, path, writer);
            }
            writer.close(); // commits the object
            scored = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Scoring into " + target + " failed", e);
        } finally {
            if (!scored) {
                out.abort();
            }
        }
    }

    private void scoreFile(LocalModel model, EntitySchema staged, String path, Writer writer) throws IOException {
        Path copy = Files.createTempFile("local-model-", ".csv");
        try {
            try (InputStream in = context.lake().openRead(path)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (RowCursor rows = CsvEntitySource.of(staged, copy).open()) {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    double score = model.score(field -> (String) row.get(field));
                    writer.write(quote(String.valueOf(row.key())) + "," + score + "\r\n");
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static <T> PagedIterable<T> page(List<T> items) {
        return new PagedIterable<>(() -> new PagedResponseBase<Void, T>(null, 200, null, items, null, null));
    }
}
