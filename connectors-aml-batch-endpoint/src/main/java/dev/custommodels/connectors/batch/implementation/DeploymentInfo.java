package dev.custommodels.connectors.batch.implementation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch deployment as ARM describes it.
 *
 * @param name the deployment name
 * @param kind model, pipeline component, or unknown
 * @param provisioningState such as {@code Succeeded}
 * @param assetId the model version id (model deployments) or component version id (pipeline deployments)
 * @param outputAction {@code AppendRow} or {@code SummaryOnly} (model deployments)
 * @param outputFileName the deployment's output file name, or {@code null}
 * @param errorThreshold the tolerated number of failed items, -1 for any
 * @param scoringScript the custom scoring script, or {@code null} for a no-code deployment
 */
record DeploymentInfo(String name, Kind kind, String provisioningState, String assetId, String outputAction,
        String outputFileName, int errorThreshold, String scoringScript) {

    /** The kind of deployment. */
    enum Kind {
        MODEL("model deployment"), PIPELINE_COMPONENT("pipeline component deployment"), UNKNOWN("deployment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    static DeploymentInfo from(JsonNode n) {
        JsonNode p = Json.get(n, "properties");
        JsonNode config = Json.get(p, "deploymentConfiguration");
        String configType = Json.text(config, "deploymentConfigurationType");
        Kind kind;
        String asset;
        if ("PipelineComponent".equalsIgnoreCase(configType)) {
            kind = Kind.PIPELINE_COMPONENT;
            asset = Json.text(Json.get(config, "componentId"), "assetId");
        } else if (!Json.get(p, "model").isMissingNode() && !Json.get(p, "model").isNull()) {
            kind = Kind.MODEL;
            asset = Json.text(Json.get(p, "model"), "assetId");
        } else {
            kind = Kind.UNKNOWN;
            asset = null;
        }
        String threshold = Json.text(p, "errorThreshold");
        int t;
        try {
            t = threshold == null ? -1 : Integer.parseInt(threshold.trim());
        } catch (NumberFormatException e) {
            t = -1;
        }
        return new DeploymentInfo(Json.text(n, "name"), kind, Json.text(p, "provisioningState"), asset,
                Json.text(p, "outputAction"), Json.text(p, "outputFileName"), t,
                Json.text(Json.get(p, "codeConfiguration"), "scoringScript"));
    }

    boolean summaryOnly() {
        return outputAction != null && outputAction.replace("_", "").equalsIgnoreCase("SummaryOnly");
    }
}
