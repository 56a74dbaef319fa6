package dev.custommodels.models;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * When one phase of a run started and ended.
 *
 * @param phase the phase
 * @param startedAt when it started
 * @param completedAt when it ended, or {@code null} while it runs
 */
public record PhaseTiming(RunPhase phase, OffsetDateTime startedAt, OffsetDateTime completedAt) {

    /**
     * Checks required parts.
     *
     * @param phase the phase
     * @param startedAt when it started
     * @param completedAt when it ended, or {@code null} while it runs
     */
    public PhaseTiming {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /**
     * Returns how long the phase took.
     *
     * @return the duration, or {@code null} while the phase runs
     */
    public Duration duration() {
        return completedAt == null ? null : Duration.between(startedAt, completedAt);
    }
}
