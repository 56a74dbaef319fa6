package dev.custommodels.testkit.emulator.pipeline;

import java.util.Map;

/**
 * A run as it was submitted to the pipeline emulator, for assertions.
 *
 * @param runId the run id
 * @param workspaceId the workspace's resource id
 * @param pipelineId the pipeline that ran
 * @param experimentName the experiment name
 * @param parameters the effective scalar parameters (defaults with assignments applied)
 * @param dataInputs the effective data inputs, by parameter name, as {@code datastore:relativePath}
 * @param tags the run's tags
 * @param status the current status
 */
public record SubmittedRun(String runId, String workspaceId, String pipelineId, String experimentName,
        Map<String, String> parameters, Map<String, String> dataInputs, Map<String, String> tags, String status) {

    /**
     * Copies the maps.
     *
     * @param runId the run id
     * @param workspaceId the workspace's resource id
     * @param pipelineId the pipeline that ran
     * @param experimentName the experiment name
     * @param parameters the effective scalar parameters (defaults with assignments applied)
     * @param dataInputs the effective data inputs, by parameter name, as {@code datastore:relativePath}
     * @param tags the run's tags
     * @param status the current status
     */
    public SubmittedRun {
        parameters = Map.copyOf(parameters);
        dataInputs = Map.copyOf(dataInputs);
        tags = Map.copyOf(tags);
    }
}
