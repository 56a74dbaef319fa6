package dev.custommodels.connectors.studio.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a classic endpoint's {@code swagger.json}: inputs from {@code ExecutionInputs} (each an array of an item
 * definition whose properties are the fields, in document order), outputs from {@code ExecutionOutputs},
 * parameters from {@code GlobalParameters}. Fields whose type has no mapping are left out of the contract and
 * reported as problems.
 */
final class SwaggerContracts {
    private SwaggerContracts() {
    }

    /** A contract read from a service document, with the problems that make it unusable. */
    record Read(ServiceContract contract, List<ValidationProblem> problems, boolean batchSupported) {
    }

    static Read read(JsonNode swagger) {
        JsonNode definitions = Json.get(swagger, "definitions");
        List<ValidationProblem> problems = new ArrayList<>();
        List<ModelInput> inputs = new ArrayList<>();
        for (Port port : ports(definitions, "ExecutionInputs", "Inputs")) {
            inputs.add(ModelInput.of(port.name(), fields(definitions, port, "inputs", problems)));
        }
        List<ModelOutput> outputs = new ArrayList<>();
        for (Port port : ports(definitions, "ExecutionOutputs", "Results")) {
            outputs.add(new ModelOutput(port.name(), fields(definitions, port, "outputs", problems)));
        }
        List<ModelParameter> parameters = new ArrayList<>();
        JsonNode globals = Json.get(definition(definitions, "GlobalParameters"), "properties");
        for (Map.Entry<String, JsonNode> e : globals.properties()) {
            String type = Json.text(e.getValue(), "type");
            String format = Json.text(e.getValue(), "format");
            Optional<DataType> mapped = TypeMapping.map(type, format);
            if (mapped.isEmpty()) {
                problems.add(new ValidationProblem("parameters[" + e.getKey() + "]",
                        TypeMapping.unknown("Global parameter '" + e.getKey() + "'", type, format)));
                continue;
            }
            JsonNode def = Json.get(e.getValue(), "default");
            parameters.add(new ModelParameter(e.getKey(), ParameterKind.VALUE, mapped.get(),
                    def.isMissingNode() || def.isNull() ? null : Json.cell(def)));
        }
        boolean batch = false;
        for (Iterator<String> it = Json.get(swagger, "paths").fieldNames(); it.hasNext();) {
            batch |= it.next().toLowerCase(java.util.Locale.ROOT).startsWith("/jobs");
        }
        return new Read(new ServiceContract(inputs, parameters, outputs), problems, batch);
    }

    /** One input or output port: its name and the schema of its items. */
    private record Port(String name, JsonNode itemSchema) {
    }

    private static List<Port> ports(JsonNode definitions, String containerName, String requestProperty) {
        JsonNode container = definition(definitions, containerName);
        if (Json.get(container, "properties").size() == 0) {
            String ref = Json.text(Json.path(definition(definitions, requestProperty.equals("Inputs")
                    ? "ExecutionRequest" : "ExecutionResults"), "properties", requestProperty), "$ref");
            container = resolve(definitions, ref);
        }
        List<Port> ports = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.get(container, "properties").properties()) {
            JsonNode items = Json.get(e.getValue(), "items");
            JsonNode schema = items.isMissingNode() ? e.getValue() : items;
            String ref = Json.text(schema, "$ref");
            ports.add(new Port(e.getKey(), ref == null ? schema : resolve(definitions, ref)));
        }
        return ports;
    }

    private static List<ModelField> fields(JsonNode definitions, Port port, String group,
            List<ValidationProblem> problems) {
        Set<String> required = new HashSet<>();
        Json.get(port.itemSchema(), "required").forEach(n -> required.add(n.asText()));
        List<ModelField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.get(port.itemSchema(), "properties").properties()) {
            JsonNode schema = e.getValue();
            String ref = Json.text(schema, "$ref");
            if (ref != null) {
                schema = resolve(definitions, ref);
            }
            String type = Json.text(schema, "type");
            String format = Json.text(schema, "format");
            Optional<DataType> mapped = TypeMapping.map(type, format);
            if (mapped.isEmpty()) {
                problems.add(new ValidationProblem(group + "[" + port.name() + "].fields[" + e.getKey() + "]",
                        TypeMapping.unknown("Field '" + e.getKey() + "' of " + group.substring(0, group.length() - 1)
                                + " '" + port.name() + "'", type, format)));
                continue;
            }
            boolean isRequired = group.equals("inputs") && (required.isEmpty() || required.contains(e.getKey()));
            fields.add(new ModelField(e.getKey(), mapped.get(), TypeMapping.original(type, format), isRequired));
        }
        return fields;
    }

    static JsonNode definition(JsonNode definitions, String name) {
        return Json.get(definitions, name);
    }

    private static JsonNode resolve(JsonNode definitions, String ref) {
        if (ref == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        String name = ref.startsWith("#/definitions/") ? ref.substring("#/definitions/".length()) : ref;
        return definition(definitions, name);
    }
}
