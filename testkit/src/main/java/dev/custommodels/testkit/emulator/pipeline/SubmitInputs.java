package dev.custommodels.testkit.emulator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validates and resolves the data assignments of a submission. */
final class SubmitInputs {
    private SubmitInputs() {
    }

    /**
     * Resolves every data parameter of the pipeline to {@code [datastore, relativePath]}.
     *
     * @return the inputs by parameter name, or an {@link EmulatorResponse} with a 400 to send
     */
    static Object resolve(PipelineEmulator em, PipelineDefinition def, JsonNode body) {
        Map<String, String[]> inputs = new LinkedHashMap<>();
        def.dataPathParameters().forEach(p -> inputs.put(p.name(), new String[] {p.datastore(), p.relativePath()}));
        for (Map.Entry<String, JsonNode> a : body.path("DataPathAssignments").properties()) {
            if (def.dataPathParameters().stream().noneMatch(p -> p.name().equals(a.getKey()))) {
                return bad("Unknown datapath parameter '" + a.getKey() + "' in DataPathAssignments.");
            }
            String[] path = dataPath(a.getValue());
            if (path == null) {
                return bad("DataPathAssignments['" + a.getKey() + "'] needs DataStoreName and RelativePath.");
            }
            inputs.put(a.getKey(), path);
        }
        for (Map.Entry<String, JsonNode> a : body.path("DataSetDefinitionValueAssignments").properties()) {
            if (!def.datasetParameters().contains(a.getKey())) {
                return bad("Unknown dataset parameter '" + a.getKey() + "' in DataSetDefinitionValueAssignments.");
            }
            JsonNode v = a.getValue();
            String[] path;
            if (v.has("SavedDataSetReference")) {
                path = em.datasets.get(v.path("SavedDataSetReference").path("Id").asText(""));
                if (path == null) {
                    return bad("Dataset '" + v.path("SavedDataSetReference").path("Id").asText("")
                            + "' of parameter '" + a.getKey() + "' is not registered.");
                }
            } else {
                path = dataPath(v.path("LiteralValue"));
                if (path == null) {
                    return bad("DataSetDefinitionValueAssignments['" + a.getKey() + "'] needs a"
                            + " SavedDataSetReference or a LiteralValue data path.");
                }
            }
            inputs.put(a.getKey(), path);
        }
        for (String dataset : def.datasetParameters()) {
            if (!inputs.containsKey(dataset)) {
                return bad("Dataset parameter '" + dataset + "' has no value; assign it in"
                        + " DataSetDefinitionValueAssignments.");
            }
        }
        return inputs;
    }

    private static String[] dataPath(JsonNode v) {
        String store = v.path("DataStoreName").asText("");
        String path = v.path("RelativePath").asText("");
        return store.isEmpty() || path.isEmpty() ? null : new String[] {store, path};
    }

    private static EmulatorResponse bad(String message) {
        return EmulatorResponse.error(400, "UserError", message);
    }
}
