package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the columns of a datapath parameter's default data (a CSV file or folder in a datastore) and infers their
 * types from a sample of rows, so the input can be mapped field by field. Pipelines declare no schema of their
 * own; when the default data cannot be read, the input stays without declared fields.
 */
final class SchemaSampler {
    private static final ClientLogger LOGGER = new ClientLogger(SchemaSampler.class);
    private static final int SAMPLE_ROWS = 200;
    static final String ORIGINAL_TYPE = "inferred from the default data";

    private final Session session;

    SchemaSampler(Session session) {
        this.session = session;
    }

    ModelInput input(String tenantId, String workspaceId, PipelineInfo.DataParam param) {
        if (param.kind() != ParameterKind.DATAPATH || param.datastore() == null || param.relativePath() == null) {
            return new ModelInput(param.name(), List.of(), false);
        }
        try {
            LakeStore store = session.datastore(tenantId, workspaceId, param.datastore());
            Optional<String> file = firstCsv(store, param.relativePath());
            if (file.isPresent()) {
                List<ModelField> fields = sample(store, file.get());
                if (!fields.isEmpty()) {
                    return ModelInput.of(param.name(), fields);
                }
            }
        } catch (RuntimeException e) {
            LOGGER.info("The default data of parameter {} ({}:{}) could not be read: {}", param.name(),
                    param.datastore(), param.relativePath(), e.getMessage());
        }
        return new ModelInput(param.name(), List.of(), false);
    }

    private static Optional<String> firstCsv(LakeStore store, String relativePath) {
        String p = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        if (!p.isEmpty() && !p.endsWith("/") && store.stat(p).isPresent()) {
            return Optional.of(p);
        }
        try (Stream<LakeObjectInfo> list = store.list(p.isEmpty() || p.endsWith("/") ? p : p + "/")) {
            return list.map(LakeObjectInfo::path).filter(x -> x.toLowerCase(Locale.ROOT).endsWith(".csv")).findFirst();
        }
    }

    private static List<ModelField> sample(LakeStore store, String path) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(store.openRead(path),
                StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null) {
                return List.of();
            }
            List<String> names = OutputCollector.parseHeader(header.startsWith("\uFEFF") ? header.substring(1) : header);
            List<List<String>> columns = new ArrayList<>();
            names.forEach(n -> columns.add(new ArrayList<>()));
            String line;
            for (int i = 0; i < SAMPLE_ROWS && (line = r.readLine()) != null; i++) {
                List<String> values = OutputCollector.parseHeader(line);
                for (int c = 0; c < names.size() && c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        columns.get(c).add(values.get(c));
                    }
                }
            }
            List<ModelField> fields = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c);
                if (!name.isEmpty() && fields.stream().noneMatch(f -> f.name().equals(name))) {
                    // the pipeline's scoring step reads every column of its sample input, so each must be fed
                    fields.add(new ModelField(name, infer(columns.get(c)), ORIGINAL_TYPE, true));
                }
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DataType infer(List<String> values) {
        if (values.isEmpty()) {
            return DataType.STRING;
        }
        if (all(values, v -> v.matches("[-+]?\\d{1,18}"))) {
            return DataType.INTEGER;
        }
        if (all(values, v -> v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"))) {
            return DataType.NUMBER;
        }
        if (all(values, v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return DataType.BOOLEAN;
        }
        if (all(values, v -> parses(() -> LocalDate.parse(v)))) {
            return DataType.DATE;
        }
        if (all(values, v -> parses(() -> OffsetDateTime.parse(v)) || parses(() -> LocalDateTime.parse(v)))) {
            return DataType.DATETIME;
        }
        return DataType.STRING;
    }

    private static boolean all(List<String> values, Predicate<String> test) {
        return values.stream().allMatch(test);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
