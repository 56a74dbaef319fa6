package dev.custommodels.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to reach a submitted job again, from any process. Recorded in the run's lake record, so it
 * must hold no secret.
 *
 * @param connector the connector's name
 * @param jobId the backend's job id (a BES job id, a pipeline run id, a batch job name)
 * @param state further connector-specific values, such as the host of the run history API
 */
public record JobHandle(String connector, String jobId, Map<String, String> state) {

    /**
     * Copies the state map and checks required parts.
     *
     * @param connector the connector's name
     * @param jobId the backend's job id (a BES job id, a pipeline run id, a batch job name)
     * @param state further connector-specific values, such as the host of the run history API
     */
    public JobHandle {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(jobId, "jobId");
        state = Map.copyOf(state == null ? Map.of() : state);
    }
}
