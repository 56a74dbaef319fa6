package dev.custommodels.connectors.batch.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job as the ARM job resource describes it.
 *
 * @param name the job name
 * @param status such as {@code Running} or {@code Completed}
 * @param tags the job's tags
 * @param properties the job's properties
 * @param inputUris data input name to URI
 * @param outputUris data output name to URI
 * @param createdAt when it was created, or {@code null}
 * @param studioUrl the Studio link, or {@code null}
 */
record JobInfo(String name, String status, Map<String, String> tags, Map<String, String> properties,
        Map<String, String> inputUris, Map<String, String> outputUris, Instant createdAt, String studioUrl) {

    static JobInfo from(JsonNode n) {
        JsonNode p = Json.get(n, "properties");
        String created = Json.text(Json.get(n, "systemData"), "createdAt");
        Instant at = null;
        if (created != null) {
            try {
                at = Instant.parse(created);
            } catch (DateTimeParseException e) {
                at = null;
            }
        }
        return new JobInfo(Json.text(n, "name"), Json.text(p, "status"), Json.strings(Json.get(p, "tags")),
                Json.strings(Json.get(p, "properties")), uris(Json.get(p, "inputs", "inputData")),
                uris(Json.get(p, "outputs", "outputData")), at,
                Json.text(Json.at(p, "services", "Studio"), "endpoint"));
    }

    private static Map<String, String> uris(JsonNode ports) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ports.isObject()) {
            ports.properties().forEach(e -> {
                String uri = Json.text(e.getValue(), "uri");
                if (uri != null) {
                    out.put(e.getKey(), uri);
                }
            });
        }
        return out;
    }

    /** Tells whether any input or output URI names a path that contains the fragment. */
    boolean mentions(String fragment) {
        return inputUris.values().stream().anyMatch(u -> u.contains(fragment))
                || outputUris.values().stream().anyMatch(u -> u.contains(fragment));
    }
}
