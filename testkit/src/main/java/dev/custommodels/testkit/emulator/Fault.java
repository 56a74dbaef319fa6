package dev.custommodels.testkit.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** A fault an emulator injects instead of, or before, the service's answer. */
public sealed interface Fault {

    /**
     * A status answer, such as 503 or 429 with {@code Retry-After}.
     *
     * @param response the response to send instead of the service's
     */
    record Status(EmulatorResponse response) implements Fault {
        /**
         * Checks the response.
         *
         * @param response the response to send instead of the service's
         */
        public Status {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The connection is dropped without an answer (the service does not see the request). */
    record Drop() implements Fault {
    }

    /**
     * The service answers, but only after a delay.
     *
     * @param delay how long to wait
     */
    record Delay(Duration delay) implements Fault {
        /**
         * Checks the delay.
         *
         * @param delay how long to wait
         */
        public Delay {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * A 503 Service Unavailable.
     *
     * @return the fault
     */
    static Fault serviceUnavailable() {
        return new Status(EmulatorResponse.error(503, "ServiceUnavailable", "The service is temporarily unavailable."));
    }

    /**
     * A 429 Too Many Requests with a {@code Retry-After} in seconds.
     *
     * @param retryAfterSeconds the seconds to wait
     * @return the fault
     */
    static Fault tooManyRequests(int retryAfterSeconds) {
        return new Status(new EmulatorResponse(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds),
                "Content-Type", "application/json"),
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded.\"}}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * A dropped connection.
     *
     * @return the fault
     */
    static Fault drop() {
        return new Drop();
    }
}
