package dev.custommodels.connectors.studio.implementation;

import static dev.custommodels.connectors.studio.StudioClassicOptions.*;

import dev.custommodels.spi.ConnectorContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The connector's settings, read once from the context's options and checked.
 *
 * @param armEndpoint the ARM endpoint, without trailing slash
 * @param armScope the ARM token scope
 * @param managementEndpoint the management API override, or {@code null} to follow the region
 * @param mode {@code auto}, {@code rrs} or {@code bes}
 * @param chunkSize rows per RRS request
 * @param concurrency RRS requests in flight, or 0 for the endpoint's default
 * @param chunksPerPoll chunks one poll scores at most
 * @param maxAttempts attempts per chunk
 * @param retryDelay first backoff
 * @param maxRetryDelay longest computed backoff
 * @param timeout one RRS request's timeout
 * @param tableFormat whether classic endpoints get the table format
 * @param besMinRows rows from which {@code auto} prefers BES
 * @param stagingAccount staging account or {@code null}
 * @param stagingEndpoint staging Blob endpoint or {@code null}
 * @param stagingContainer staging container or {@code null}
 * @param stagingPrefix the folder in the staging container
 * @param sasValidity how long signed URLs stay valid
 */
record Settings(String armEndpoint, String armScope, String managementEndpoint, String mode, int chunkSize,
        int concurrency, int chunksPerPoll, int maxAttempts, Duration retryDelay, Duration maxRetryDelay,
        Duration timeout, boolean tableFormat, long besMinRows, String stagingAccount, String stagingEndpoint,
        String stagingContainer, String stagingPrefix, Duration sasValidity) {

    static Settings from(ConnectorContext context) {
        Reader r = new Reader(context);
        String mode = r.text(MODE).orElse("auto").toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("rrs") && !mode.equals("bes")) {
            throw new IllegalArgumentException("Option " + MODE + " is '" + mode + "'; use auto, rrs or bes.");
        }
        String format = r.text(RRS_FORMAT).orElse("table").toLowerCase(Locale.ROOT);
        if (!format.equals("table") && !format.equals("swagger")) {
            throw new IllegalArgumentException("Option " + RRS_FORMAT + " is '" + format + "'; use table or swagger.");
        }
        String prefix = r.text(BES_STAGING_PREFIX).orElse("custom-models/bes/");
        return new Settings(trimSlash(r.text(ARM_ENDPOINT).orElse(DEFAULT_ARM_ENDPOINT)),
                r.text(ARM_SCOPE).orElse(DEFAULT_ARM_SCOPE),
                r.text(MANAGEMENT_ENDPOINT).map(Settings::trimSlash).orElse(null), mode,
                r.positive(RRS_CHUNK_SIZE, DEFAULT_CHUNK_SIZE), r.positive(RRS_CONCURRENCY, 0),
                r.positive(RRS_CHUNKS_PER_POLL, DEFAULT_CHUNKS_PER_POLL), r.positive(RRS_MAX_ATTEMPTS,
                        DEFAULT_MAX_ATTEMPTS),
                r.duration(RRS_RETRY_DELAY, Duration.ofMillis(500)), r.duration(RRS_MAX_RETRY_DELAY,
                        Duration.ofSeconds(30)),
                r.duration(RRS_TIMEOUT, Duration.ofSeconds(100)), format.equals("table"),
                r.positiveLong(BES_MIN_ROWS, DEFAULT_BES_MIN_ROWS), r.text(BES_STAGING_ACCOUNT).orElse(null),
                r.text(BES_STAGING_ENDPOINT).map(Settings::trimSlash).orElse(null),
                r.text(BES_STAGING_CONTAINER).orElse(null), prefix.endsWith("/") ? prefix : prefix + "/",
                r.duration(BES_SAS_VALIDITY, Duration.ofHours(12)));
    }

    boolean stagingConfigured() {
        return stagingAccount != null && stagingEndpoint != null && stagingContainer != null;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Reader(ConnectorContext context) {
        Optional<String> text(String key) {
            return context.option(key).map(String::trim).filter(s -> !s.isEmpty());
        }

        int positive(String key, int fallback) {
            long v = positiveLong(key, fallback);
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Option " + key + " is " + v + "; it must be at most "
                        + Integer.MAX_VALUE + ".");
            }
            return (int) v;
        }

        long positiveLong(String key, long fallback) {
            Optional<String> raw = text(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                long v = Long.parseLong(raw.get());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option " + key + " is '" + raw.get()
                        + "'; it must be a whole number of at least 1.");
            }
        }

        Duration duration(String key, Duration fallback) {
            Optional<String> raw = text(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                Duration d = Duration.parse(raw.get());
                if (d.isNegative()) {
                    throw new IllegalArgumentException("Option " + key + " is negative (" + raw.get() + ").");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Option " + key + " is '" + raw.get()
                        + "'; it must be an ISO-8601 duration such as PT30S.");
            }
        }
    }
}
