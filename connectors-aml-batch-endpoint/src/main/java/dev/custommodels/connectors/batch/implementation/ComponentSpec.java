package dev.custommodels.connectors.batch.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The inputs and outputs a pipeline component version declares ({@code properties.componentSpec}).
 *
 * @param name the component name
 * @param inputs the inputs in declaration order
 * @param outputs the outputs in declaration order
 */
record ComponentSpec(String name, List<Port> inputs, List<Port> outputs) {
    /** Component types that take data staged as files. */
    static final Set<String> DATA_TYPES = Set.of("uri_folder", "uri_file");
    /** Component types that take a literal value. */
    static final Set<String> LITERAL_TYPES = Set.of("string", "integer", "number", "boolean");

    /**
     * One declared input or output.
     *
     * @param name its name
     * @param type its type, lower case, such as {@code uri_folder} or {@code integer}
     * @param defaultValue its default as text, or {@code null}
     * @param optional whether it may be left out
     */
    record Port(String name, String type, String defaultValue, boolean optional) {
        boolean isData() {
            return DATA_TYPES.contains(type);
        }

        boolean isLiteral() {
            return LITERAL_TYPES.contains(type);
        }

        /** The {@code JobInputType}/{@code JobOutputType} spelling of the type. */
        String jobType() {
            switch (type) {
                case "uri_file":
                    return "UriFile";
                case "uri_folder":
                    return "UriFolder";
                case "mltable":
                    return "MLTable";
                case "mlflow_model":
                    return "MLFlowModel";
                case "custom_model":
                    return "CustomModel";
                case "triton_model":
                    return "TritonModel";
                default:
                    return "Literal";
            }
        }
    }

    static ComponentSpec from(JsonNode componentVersion) {
        JsonNode spec = Json.at(componentVersion, "properties", "componentSpec");
        if (spec.isTextual()) {
            spec = Json.parse(spec.asText());
        }
        return new ComponentSpec(Json.text(spec, "name"), ports(Json.get(spec, "inputs"), "string"),
                ports(Json.get(spec, "outputs"), "uri_folder"));
    }

    private static List<Port> ports(JsonNode node, String defaultType) {
        List<Port> out = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String type = Json.text(e.getValue(), "type");
                type = type == null || type.isBlank() ? defaultType : type.toLowerCase(Locale.ROOT);
                String optional = Json.text(e.getValue(), "optional");
                out.add(new Port(e.getKey(), type, Json.text(e.getValue(), "default"),
                        optional != null && optional.equalsIgnoreCase("true")));
            });
        }
        return out;
    }

    List<Port> dataInputs() {
        return inputs.stream().filter(Port::isData).toList();
    }

    List<Port> readableOutputs() {
        return outputs.stream().filter(Port::isData).toList();
    }
}
