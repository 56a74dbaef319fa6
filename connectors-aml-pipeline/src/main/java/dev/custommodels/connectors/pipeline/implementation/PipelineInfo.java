package dev.custommodels.connectors.pipeline.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ParameterKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A published pipeline with its parameters.
 *
 * @param id the pipeline id
 * @param name the name
 * @param status {@code Active}, {@code Deprecated} or {@code Disabled}
 * @param submitUrl the pipeline's own submit URL, or {@code null}
 * @param graphId the graph id, or {@code null}
 * @param scalars the scalar parameters
 * @param data the dataset and datapath parameters
 */
record PipelineInfo(String id, String name, String status, String submitUrl, String graphId, List<Scalar> scalars,
        List<DataParam> data) {

    /** A scalar parameter. */
    record Scalar(String name, DataType type, String typeName, String defaultValue) {
    }

    /** A dataset or datapath parameter with its default location, where known. */
    record DataParam(String name, ParameterKind kind, String datastore, String relativePath) {
    }

    PipelineInfo {
        scalars = List.copyOf(scalars);
        data = List.copyOf(data);
    }

    /** Parses a pipeline; the interface, where available, adds types and datapath parameters. */
    static PipelineInfo parse(JsonNode n, JsonNode graphInterface) {
        List<Scalar> scalars = new ArrayList<>();
        List<DataParam> data = new ArrayList<>();
        if (graphInterface != null && !graphInterface.isMissingNode()) {
            for (JsonNode p : Json.array(graphInterface, "Parameters")) {
                String typeName = typeName(Json.get(p, "Type"));
                scalars.add(new Scalar(Json.text(p, "Name"), dataType(typeName), typeName,
                        Json.text(p, "DefaultValue")));
            }
            for (JsonNode p : Json.array(graphInterface, "DataPathParameters")) {
                JsonNode d = Json.get(p, "DefaultValue");
                data.add(new DataParam(Json.text(p, "Name"), ParameterKind.DATAPATH,
                        Json.text(d, "DataStoreName", "DatastoreName"), Json.text(d, "RelativePath")));
            }
            for (JsonNode p : Json.array(graphInterface, "DataPathParameterList")) {
                data.add(new DataParam(Json.text(p, "Name"), ParameterKind.DATASET, null, null));
            }
        }
        for (Map.Entry<String, JsonNode> e : Json.fields(Json.get(n, "ParameterAssignments"))) {
            if (scalars.stream().noneMatch(s -> s.name().equals(e.getKey()))) {
                scalars.add(new Scalar(e.getKey(), e.getValue().isNumber() ? DataType.NUMBER : DataType.STRING,
                        e.getValue().isNumber() ? "Double" : "String", e.getValue().asText()));
            }
        }
        for (Map.Entry<String, JsonNode> e : Json.fields(Json.get(n, "DataSetDefinitionValueAssignments"))) {
            if (data.stream().noneMatch(d -> d.name().equals(e.getKey()))) {
                data.add(new DataParam(e.getKey(), ParameterKind.DATASET, null, null));
            }
        }
        return new PipelineInfo(Json.text(n, "Id"), Json.text(n, "Name"),
                statusName(Json.get(n, "EntityStatus", "Status")), Json.text(n, "Url", "Endpoint"),
                Json.text(n, "GraphId"), scalars, data);
    }

    boolean active() {
        return "Active".equalsIgnoreCase(status);
    }

    Optional<Scalar> scalar(String parameterName) {
        return scalars.stream().filter(s -> s.name().equals(parameterName)).findFirst();
    }

    Optional<DataParam> dataParam(String parameterName) {
        return data.stream().filter(d -> d.name().equals(parameterName)).findFirst();
    }

    List<Scalar> stringScalars() {
        return scalars.stream().filter(s -> s.type() == DataType.STRING).toList();
    }

    /** Reads an entity status given as a name, a number ({@code 0} Active, {@code 1} Deprecated, {@code 2}
     * Disabled) or an object with a status code. */
    static String statusName(JsonNode status) {
        if (status.isObject()) {
            status = Json.get(status, "StatusCode", "Status");
        }
        if (status.isNumber()) {
            return switch (status.asInt()) {
                case 0 -> "Active";
                case 1 -> "Deprecated";
                case 2 -> "Disabled";
                default -> "Unknown";
            };
        }
        return status.isMissingNode() || status.isNull() ? "Active" : status.asText();
    }

    private static String typeName(JsonNode type) {
        if (type.isNumber()) {
            return switch (type.asInt()) {
                case 0 -> "Int";
                case 1 -> "Double";
                case 2 -> "Bool";
                case 3 -> "String";
                default -> "Unidentified";
            };
        }
        return type.isMissingNode() || type.isNull() ? "String" : type.asText();
    }

    private static DataType dataType(String typeName) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int", "integer", "long" -> DataType.INTEGER;
            case "double", "float", "number" -> DataType.NUMBER;
            case "bool", "boolean" -> DataType.BOOLEAN;
            default -> DataType.STRING;
        };
    }
}
