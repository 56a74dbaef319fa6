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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the contract of an ARM web service from its {@code properties}: {@code input} and {@code output}
 * ({@code ServiceInputOutputSpecification} of {@code TableSpecification}s), and the global parameters from
 * {@code parameters} typed by the package's {@code graphParameters}.
 */
final class ArmContracts {
    private ArmContracts() {
    }

    static SwaggerContracts.Read read(JsonNode properties) {
        List<ValidationProblem> problems = new ArrayList<>();
        List<ModelInput> inputs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> port : Json.path(properties, "input", "properties").properties()) {
            inputs.add(ModelInput.of(port.getKey(), columns(port, "inputs", problems)));
        }
        List<ModelOutput> outputs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> port : Json.path(properties, "output", "properties").properties()) {
            outputs.add(new ModelOutput(port.getKey(), columns(port, "outputs", problems)));
        }
        return new SwaggerContracts.Read(new ServiceContract(inputs, parameters(properties, problems), outputs),
                problems, true);
    }

    private static List<ModelField> columns(Map.Entry<String, JsonNode> port, String group,
            List<ValidationProblem> problems) {
        List<ModelField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> col : Json.get(port.getValue(), "properties").properties()) {
            String type = Json.text(col.getValue(), "type");
            String format = Json.text(col.getValue(), "format");
            Optional<DataType> mapped = TypeMapping.map(type, format);
            if (mapped.isEmpty()) {
                problems.add(new ValidationProblem(group + "[" + port.getKey() + "].fields[" + col.getKey() + "]",
                        TypeMapping.unknown("Column '" + col.getKey() + "' of " + group.substring(0,
                                group.length() - 1) + " '" + port.getKey() + "'", type, format)));
                continue;
            }
            boolean nullable = Json.get(col.getValue(), "x-ms-isnullable").asBoolean(false);
            fields.add(new ModelField(col.getKey(), mapped.get(), TypeMapping.original(type, format),
                    group.equals("inputs") && !nullable));
        }
        return fields;
    }

    private static List<ModelParameter> parameters(JsonNode properties, List<ValidationProblem> problems) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        Json.path(properties, "package", "graphParameters").properties()
                .forEach(e -> declared.put(e.getKey(), e.getValue()));
        JsonNode values = Json.get(properties, "parameters");
        values.fieldNames().forEachRemaining(n -> declared.putIfAbsent(n, null));
        List<ModelParameter> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : declared.entrySet()) {
            JsonNode value = Json.path(values, e.getKey(), "value");
            String graphType = e.getValue() == null ? null : Json.text(e.getValue(), "type");
            Optional<DataType> type = graphType != null ? graphType(graphType)
                    : value.isNumber() ? Optional.of(value.isIntegralNumber() ? DataType.INTEGER : DataType.NUMBER)
                    : value.isBoolean() ? Optional.of(DataType.BOOLEAN) : Optional.of(DataType.STRING);
            if (type.isEmpty()) {
                problems.add(new ValidationProblem("parameters[" + e.getKey() + "]", "Global parameter '"
                        + e.getKey() + "' has the graph parameter type '" + graphType + "', which custom-models"
                        + " cannot pass (credentials are not supported; known: String, Int, Float, Double, Boolean,"
                        + " Enumerated, Script, Mode, ColumnPicker, ParameterRange, DataGatewayName)."));
                continue;
            }
            result.add(new ModelParameter(e.getKey(), ParameterKind.VALUE, type.get(),
                    value.isMissingNode() || value.isNull() ? null : Json.cell(value)));
        }
        return result;
    }

    private static Optional<DataType> graphType(String type) {
        return Optional.ofNullable(switch (type.toLowerCase(Locale.ROOT)) {
            case "string", "enumerated", "script", "mode", "columnpicker", "parameterrange", "datagatewayname" ->
                    DataType.STRING;
            case "int" -> DataType.INTEGER;
            case "float", "double" -> DataType.NUMBER;
            case "boolean" -> DataType.BOOLEAN;
            default -> null;
        });
    }
}
