package dev.custommodels.connectors.batch.implementation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch endpoint as ARM describes it.
 *
 * @param name the endpoint name
 * @param provisioningState such as {@code Succeeded}
 * @param authMode such as {@code AADToken}
 * @param scoringUri the invoke URL, used as returned
 * @param defaultDeployment the default deployment's name, or {@code null}
 */
record EndpointInfo(String name, String provisioningState, String authMode, String scoringUri,
        String defaultDeployment) {

    static EndpointInfo from(JsonNode n) {
        JsonNode p = Json.get(n, "properties");
        String def = Json.text(Json.get(p, "defaults"), "deploymentName");
        return new EndpointInfo(Json.text(n, "name"), Json.text(p, "provisioningState"), Json.text(p, "authMode"),
                Json.text(p, "scoringUri"), def == null || def.isBlank() ? null : def);
    }
}
