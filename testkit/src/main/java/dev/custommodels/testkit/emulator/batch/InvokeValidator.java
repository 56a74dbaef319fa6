package dev.custommodels.testkit.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validates the {@code InputData} and {@code OutputData} of an invoke as the service does: property names and
 * type values in any case, snake or Pascal; a model deployment takes one data input and at most one
 * {@code UriFile} output; a pipeline deployment takes the component's declared inputs and outputs, with literals
 * that parse to the declared type and every required input present.
 */
final class InvokeValidator {
    /** One validation error, in the service's list format. */
    record Problem(String property, String message, String attempted) {
    }

    /** The parsed inputs and outputs, or the problems found. */
    record Result(Map<String, EmulatedBatchJob.Port> inputs, Map<String, EmulatedBatchJob.Port> outputs,
            List<Problem> errors) {
    }

    private final BatchEndpointEmulator batch;

    InvokeValidator(BatchEndpointEmulator batch) {
        this.batch = batch;
    }

    Result validate(EmulatedBatchDeployment dep, JsonNode inputData, JsonNode outputData) {
        Map<String, EmulatedBatchJob.Port> inputs = ports(inputData, "jobInputType");
        Map<String, EmulatedBatchJob.Port> outputs = ports(outputData, "jobOutputType");
        List<Problem> errors = new ArrayList<>();
        if (dep.kind() == EmulatedBatchDeployment.Kind.MODEL) {
            validateModel(inputs, outputs, errors);
        } else {
            validatePipeline(dep, inputs, outputs, errors);
        }
        return new Result(inputs, outputs, errors);
    }

    private static void validateModel(Map<String, EmulatedBatchJob.Port> inputs,
            Map<String, EmulatedBatchJob.Port> outputs, List<Problem> errors) {
        if (inputs.size() != 1) {
            errors.add(new Problem("InputData", "A model deployment takes exactly one data input.",
                    Integer.toString(inputs.size())));
        }
        inputs.forEach((name, p) -> {
            String t = norm(p.type());
            if (!t.equals("urifile") && !t.equals("urifolder")) {
                errors.add(new Problem("InputData." + name + ".JobInputType",
                        "Model deployments accept only uri_file and uri_folder inputs.", p.type()));
            } else if (p.uri() == null || p.uri().isBlank()) {
                errors.add(new Problem("InputData." + name + ".Uri", "The input needs a uri.", null));
            }
        });
        if (outputs.size() > 1) {
            errors.add(new Problem("OutputData", "A model deployment has at most one output.",
                    Integer.toString(outputs.size())));
        }
        int i = 0;
        for (EmulatedBatchJob.Port p : outputs.values()) {
            if (!norm(p.type()).equals("urifile")) {
                errors.add(new Problem("OutputData.Values[" + i + "].JobOutputType",
                        "Job output type must be 'uri_file'.", snake(p.type())));
            }
            i++;
        }
    }

    private void validatePipeline(EmulatedBatchDeployment dep, Map<String, EmulatedBatchJob.Port> inputs,
            Map<String, EmulatedBatchJob.Port> outputs, List<Problem> errors) {
        Optional<EmulatedComponentVersion> c = batch.componentVersion(dep.assetId());
        if (c.isEmpty()) {
            errors.add(new Problem("Deployment", "Component " + dep.assetId() + " was not found.", null));
            return;
        }
        Map<String, Map<String, Object>> declared = c.get().inputs();
        inputs.forEach((name, p) -> {
            Map<String, Object> decl = declared.get(name);
            if (decl == null) {
                errors.add(new Problem("InputData." + name, "The pipeline has no input named '" + name + "'.",
                        name));
                return;
            }
            String type = String.valueOf(decl.get("type"));
            if (norm(p.type()).equals("literal")) {
                literalProblem(type, p.value()).ifPresent(m -> errors.add(new Problem("InputData." + name + ".Value",
                        m, p.value())));
            } else if (p.uri() == null || p.uri().isBlank()) {
                errors.add(new Problem("InputData." + name + ".Uri", "The input needs a uri.", null));
            } else if (!norm(p.type()).equals(norm(type))) {
                errors.add(new Problem("InputData." + name + ".JobInputType", "Input '" + name + "' is of type "
                        + type + ".", p.type()));
            }
        });
        declared.forEach((name, decl) -> {
            boolean optional = Boolean.parseBoolean(String.valueOf(decl.getOrDefault("optional", "false")));
            if (!optional && decl.get("default") == null && !inputs.containsKey(name)) {
                errors.add(new Problem("InputData." + name, "Input '" + name + "' is required and has no default"
                        + " value.", null));
            }
        });
        outputs.keySet().stream().filter(o -> !c.get().outputs().containsKey(o)).forEach(o -> errors.add(
                new Problem("OutputData." + o, "The pipeline has no output named '" + o + "'.", o)));
    }

    private static Optional<String> literalProblem(String type, String value) {
        String v = value == null ? "" : value.trim();
        try {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "integer":
                    Long.parseLong(v);
                    break;
                case "number":
                    Double.parseDouble(v);
                    break;
                case "boolean":
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        return Optional.of("'" + v + "' is not a boolean.");
                    }
                    break;
                case "string":
                    break;
                default:
                    return Optional.of("A literal cannot feed an input of type " + type + ".");
            }
        } catch (NumberFormatException e) {
            return Optional.of("'" + v + "' is not a valid " + type + ".");
        }
        return Optional.empty();
    }

    private static Map<String, EmulatedBatchJob.Port> ports(JsonNode data, String typeField) {
        Map<String, EmulatedBatchJob.Port> out = new LinkedHashMap<>();
        if (data == null || !data.isObject()) {
            return out;
        }
        data.properties().forEach(e -> {
            JsonNode n = e.getValue();
            out.put(e.getKey(), new EmulatedBatchJob.Port(text(n, typeField), text(n, "uri"), text(n, "value")));
        });
        return out;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = BatchDataPlaneRoutes.field(n, name);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String norm(String type) {
        return type == null ? "" : type.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String snake(String type) {
        return type == null ? null : type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
