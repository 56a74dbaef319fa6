package dev.custommodels.connectors.pipeline.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pipeline endpoint as the pipelines API lists it.
 *
 * @param id the endpoint id
 * @param name the endpoint name
 * @param status {@code Active} or {@code Disabled}
 * @param defaultVersion the default version
 * @param submitUrl the submit URL the service gave, or {@code null}
 * @param versions the pipeline id of each version
 */
record EndpointInfo(String id, String name, String status, String defaultVersion, String submitUrl,
        Map<String, String> versions) {

    static EndpointInfo parse(JsonNode n) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (JsonNode v : Json.array(n, "PipelineVersionList")) {
            versions.put(Json.text(v, "Version"), Json.text(v, "PipelineId"));
        }
        String status = PipelineInfo.statusName(Json.get(n, "Status", "EntityStatus"));
        return new EndpointInfo(Json.text(n, "Id"), Json.text(n, "Name"), status, Json.text(n, "DefaultVersion"),
                Json.text(n, "Endpoint", "Url"), Map.copyOf(versions));
    }

    boolean active() {
        return "Active".equalsIgnoreCase(status);
    }

    /** The id of the default pipeline, or {@code null} when the endpoint names none. */
    String defaultPipelineId() {
        String id = defaultVersion == null ? null : versions.get(defaultVersion);
        if (id == null && versions.size() == 1) {
            id = versions.values().iterator().next();
        }
        return id;
    }
}
