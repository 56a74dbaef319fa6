package dev.custommodels.connectors.pipeline.implementation;

import dev.custommodels.spi.JobState;
import java.util.Locale;

/** Maps run history statuses (and the AEVA pipeline run codes) to {@link JobState}. */
final class RunStatuses {
    private RunStatuses() {
    }

    static JobState state(String status) {
        switch (status.toLowerCase(Locale.ROOT)) {
            case "completed":
            case "finished":
                return JobState.SUCCEEDED;
            case "failed":
                return JobState.FAILED;
            case "canceled":
            case "cancelled":
                return JobState.CANCELED;
            case "notstarted":
            case "queued":
            case "starting":
            case "provisioning":
            case "preparing":
                return JobState.QUEUED;
            default:
                return JobState.RUNNING;
        }
    }
}
