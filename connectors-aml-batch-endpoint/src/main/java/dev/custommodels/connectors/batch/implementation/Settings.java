package dev.custommodels.connectors.batch.implementation;

import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.spi.ConnectorContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The connector's options, read once from the context (see {@link BatchEndpointOptions}).
 *
 * @param mlAudience the data-plane token audience, without a trailing slash
 * @param outputFileName the output file name, or {@code null} for the deployment's own
 * @param datastore the staging datastore
 * @param apiVersion the ARM api-version
 * @param jobTimeout how long a job may take
 * @param stuckTimeout how long a job may stay NotResponding or Paused
 * @param invokeAttempts how many times one submission may invoke
 */
record Settings(String mlAudience, String outputFileName, String datastore, String apiVersion, Duration jobTimeout,
        Duration stuckTimeout, int invokeAttempts) {

    static Settings read(ConnectorContext context) {
        String audience = context.option(BatchEndpointOptions.ML_AUDIENCE)
                .orElse(BatchEndpointOptions.DEFAULT_ML_AUDIENCE).trim();
        while (audience.endsWith("/")) {
            audience = audience.substring(0, audience.length() - 1);
        }
        if (audience.endsWith("/.default")) {
            audience = audience.substring(0, audience.length() - "/.default".length());
        }
        String file = context.option(BatchEndpointOptions.OUTPUT_FILE_NAME).filter(s -> !s.isBlank()).orElse(null);
        if (file != null && (file.contains("/") || file.contains("\\"))) {
            throw new IllegalArgumentException("Option " + BatchEndpointOptions.OUTPUT_FILE_NAME + " must be a file"
                    + " name without folders, not '" + file + "'.");
        }
        int attempts;
        String rawAttempts = context.option(BatchEndpointOptions.INVOKE_ATTEMPTS)
                .orElse(Integer.toString(BatchEndpointOptions.DEFAULT_INVOKE_ATTEMPTS));
        try {
            attempts = Integer.parseInt(rawAttempts.trim());
        } catch (NumberFormatException e) {
            attempts = 0;
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("Option " + BatchEndpointOptions.INVOKE_ATTEMPTS + " must be a whole"
                    + " number of at least 1, not '" + rawAttempts + "'.");
        }
        return new Settings(audience, file,
                context.option(BatchEndpointOptions.DATASTORE).orElse(BatchEndpointOptions.DEFAULT_DATASTORE),
                context.option(BatchEndpointOptions.API_VERSION).orElse(BatchEndpointOptions.DEFAULT_API_VERSION),
                duration(context, BatchEndpointOptions.JOB_TIMEOUT, BatchEndpointOptions.DEFAULT_JOB_TIMEOUT),
                duration(context, BatchEndpointOptions.STUCK_TIMEOUT, BatchEndpointOptions.DEFAULT_STUCK_TIMEOUT),
                attempts);
    }

    private static Duration duration(ConnectorContext context, String key, String fallback) {
        String raw = context.option(key).orElse(fallback).trim();
        try {
            Duration d = Duration.parse(raw.startsWith("P") || raw.startsWith("p") ? raw : "PT" + raw);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Option " + key + " must be a positive duration, not '" + raw
                        + "'.");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option " + key + " must be an ISO-8601 duration such as PT30M or"
                    + " P1D, not '" + raw + "'.", e);
        }
    }
}
