package dev.custommodels.testkit.emulator.pipeline;

import java.util.Map;

/** The published pipelines and endpoints of the emulator. */
final class Pipelines {
    private Pipelines() {
    }

    /** A published pipeline. */
    record Pipeline(String id, String graphId, String workspaceId, PipelineDefinition definition) {
    }

    /** A pipeline endpoint: its versions map to pipeline ids. */
    record Endpoint(String id, String name, String workspaceId, boolean active, String defaultVersion,
            Map<String, String> versions) {
    }
}
