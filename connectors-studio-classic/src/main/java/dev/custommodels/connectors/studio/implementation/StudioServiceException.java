package dev.custommodels.connectors.studio.implementation;

import dev.custommodels.models.CustomModelsException;
import java.time.Duration;

/**
 * A call to a Studio (classic) or ARM API that failed, with the service's status, error code and detail code.
 * The message names the operation, never a key, token or signed URL.
 */
final class StudioServiceException extends CustomModelsException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String detailCode;
    private final transient Duration retryAfter;

    StudioServiceException(String message, int status, String code, String detailCode, Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.detailCode = detailCode;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no response arrived (dropped connection, timeout). */
    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String detailCode() {
        return detailCode;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Tells whether trying again may succeed: no response, or 408, 429, 500, 502, 503, 504. */
    boolean isTransient() {
        return status == 0 || status == 408 || status == 429 || status == 500 || status == 502 || status == 503
                || status == 504;
    }

    /** The code to report: the detail code when the service gave one, else the error code. */
    String reportedCode() {
        return detailCode != null ? detailCode : code;
    }
}
