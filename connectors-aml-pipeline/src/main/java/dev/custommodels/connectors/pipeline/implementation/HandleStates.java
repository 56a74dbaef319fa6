package dev.custommodels.connectors.pipeline.implementation;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.JobHandle;

/** Reads a handle's state, failing clearly when a handle was not made by this connector. */
final class HandleStates {
    private HandleStates() {
    }

    static String require(JobHandle handle, String key) {
        String v = handle.state().get(key);
        if (v == null || v.isBlank()) {
            throw new CustomModelsException("The job handle of pipeline run " + handle.jobId() + " lacks '" + key
                    + "'; it was not made by the aml-pipeline connector. Handle keys: " + handle.state().keySet()
                    + ".");
        }
        return v;
    }
}
