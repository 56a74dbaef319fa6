package dev.custommodels.connectors.batch.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The column signature of an MLflow model, read from its {@code MLmodel} file: YAML whose
 * {@code signature.inputs} and {@code signature.outputs} are JSON texts (lists of {@code {"name","type"}} column
 * specs). Tensor signatures and models without a signature declare no columns.
 *
 * @param inputs the input columns, in order
 * @param outputs the output columns, in order; a column without a name is called {@code prediction}
 */
record MlflowSignature(List<ModelField> inputs, List<ModelField> outputs) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses an {@code MLmodel} file.
     *
     * @param mlmodel the file's text
     * @return the signature, or empty when the model declares no column signature
     * @throws IOException if the text is not YAML or the signature is not JSON
     */
    static Optional<MlflowSignature> parse(String mlmodel) throws IOException {
        JsonNode root = YAML.readTree(mlmodel);
        JsonNode signature = root == null ? null : root.get("signature");
        if (signature == null || !signature.isObject()) {
            return Optional.empty();
        }
        Optional<List<ModelField>> inputs = columns(signature.get("inputs"));
        if (inputs.isEmpty() || inputs.get().isEmpty()) {
            return Optional.empty();
        }
        List<ModelField> outputs = columns(signature.get("outputs")).orElse(List.of());
        return Optional.of(new MlflowSignature(inputs.get(), outputs));
    }

    private static Optional<List<ModelField>> columns(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        JsonNode specs = node.isTextual() ? JSON.readTree(node.asText()) : node;
        if (!specs.isArray()) {
            return Optional.empty();
        }
        List<ModelField> fields = new ArrayList<>();
        for (JsonNode spec : specs) {
            String type = spec.path("type").asText("");
            if (type.equalsIgnoreCase("tensor")) {
                return Optional.empty(); // a tensor signature has no named columns
            }
            String name = spec.hasNonNull("name") ? spec.get("name").asText() : "prediction";
            boolean required = !spec.has("required") || spec.get("required").asBoolean(true);
            fields.add(new ModelField(name, dataType(type), type, required));
        }
        return Optional.of(fields);
    }

    /** Maps an MLflow column type to the SDK's types. */
    static DataType dataType(String mlflowType) {
        switch (mlflowType.toLowerCase(Locale.ROOT)) {
            case "boolean":
                return DataType.BOOLEAN;
            case "integer":
            case "long":
                return DataType.INTEGER;
            case "float":
            case "double":
                return DataType.NUMBER;
            case "datetime":
                return DataType.DATETIME;
            default:
                return DataType.STRING;
        }
    }
}
