package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/** Sends one request through a pipeline and turns what comes back into a reply or a {@link StudioServiceException}. */
final class Http {
    private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");
    private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");

    private final Clock clock;

    Http(Clock clock) {
        this.clock = clock;
    }

    /** A response, read whole. */
    record Reply(int status, HttpHeaders headers, byte[] body) {
        JsonNode json(String what) {
            return Json.parse(body, what);
        }
    }

    /**
     * Sends a request and requires a 2xx answer.
     *
     * @param operation what is being done, for messages (no secrets)
     * @param timeout how long to wait for the whole response, or {@code null} for the pipeline's own limits
     * @throws StudioServiceException on a non-2xx answer or when no answer arrived
     */
    Reply call(HttpPipeline pipeline, HttpMethod method, String url, byte[] body, String operation,
            Duration timeout) {
        Reply reply = exchange(pipeline, method, url, body, operation, timeout);
        if (reply.status() / 100 != 2) {
            throw failure(operation, reply);
        }
        return reply;
    }

    Reply call(HttpPipeline pipeline, HttpMethod method, String url, byte[] body, String operation) {
        return call(pipeline, method, url, body, operation, null);
    }

    /** Sends a request and returns whatever status came back; fails only when no answer arrived. */
    Reply exchange(HttpPipeline pipeline, HttpMethod method, String url, byte[] body, String operation,
            Duration timeout) {
        try {
            Reply reply = exchangeAsync(pipeline, method, url, body, operation, timeout).block();
            if (reply == null) {
                throw new StudioServiceException(operation + " got no response.", 0, "NoResponse", null, null, null);
            }
            return reply;
        } catch (StudioServiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw noResponse(operation, timeout, e);
        }
    }

    /**
     * Sends a request without blocking; the reply carries whatever status came back, and an answer that never
     * arrives (dropped connection, timeout) fails with a {@link StudioServiceException} of status 0.
     */
    Mono<Reply> exchangeAsync(HttpPipeline pipeline, HttpMethod method, String url, byte[] body, String operation,
            Duration timeout) {
        return Mono.defer(() -> {
            HttpRequest request = new HttpRequest(method, url);
            request.setHeader(HttpHeaderName.ACCEPT, "application/json");
            if (body != null) {
                request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
                request.setBody(body);
            }
            Mono<Reply> mono = pipeline.send(request, Context.NONE).flatMap(response -> response
                    .getBodyAsByteArray().defaultIfEmpty(new byte[0])
                    .map(bytes -> new Reply(response.getStatusCode(), response.getHeaders(), bytes))
                    .doFinally(signal -> response.close()));
            return (timeout == null ? mono : mono.timeout(timeout)).onErrorMap(
                    e -> !(e instanceof StudioServiceException), e -> noResponse(operation, timeout, e));
        });
    }

    private static StudioServiceException noResponse(String operation, Duration timeout, Throwable e) {
        Throwable root = rootCause(e);
        boolean timedOut = root instanceof TimeoutException;
        String what = timedOut ? "timed out after " + timeout
                : "failed without a response (" + root.getClass().getSimpleName() + ")";
        return new StudioServiceException(operation + " " + what + ".", 0, timedOut ? "Timeout" : "ConnectionFailed",
                null, null, e);
    }

    /** Builds the exception for a non-2xx reply from the service's error body. */
    StudioServiceException failure(String operation, Reply reply) {
        JsonNode error = Json.get(safeJson(reply), "error");
        String code = Json.text(error, "code");
        String message = Json.text(error, "message");
        String detailCode = null;
        String detailMessage = null;
        JsonNode details = Json.get(error, "details");
        if (details.isArray() && details.size() > 0) {
            detailCode = Json.text(details.get(0), "code");
            detailMessage = Json.text(details.get(0), "message");
        }
        StringBuilder text = new StringBuilder(operation).append(" failed: HTTP ").append(reply.status());
        if (code != null) {
            text.append(' ').append(code);
        }
        if (detailCode != null) {
            text.append(" (").append(detailCode).append(')');
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (detailMessage != null) {
            text.append(' ').append(detailMessage);
        }
        text.append(hint(reply.status()));
        return new StudioServiceException(text.toString(), reply.status(), code == null ? "Http" + reply.status()
                : code, detailCode, retryAfter(reply.headers()), null);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> " Check the API key or credential the host supplies for this model.";
            case 403 -> " The credential lacks permission; grant it access to the workspace or service.";
            case 404 -> " Check that the workspace, web service and endpoint still exist.";
            default -> "";
        };
    }

    private static JsonNode safeJson(Reply reply) {
        try {
            return Json.MAPPER.readTree(reply.body());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads {@code retry-after-ms}, {@code x-ms-retry-after-ms} or {@code Retry-After} (seconds or HTTP date). */
    Duration retryAfter(HttpHeaders headers) {
        for (HttpHeaderName name : new HttpHeaderName[] {RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS}) {
            String ms = headers.getValue(name);
            if (ms != null) {
                try {
                    return Duration.ofMillis(Math.max(0, Long.parseLong(ms.trim())));
                } catch (NumberFormatException ignored) {
                    // fall through to the next header
                }
            }
        }
        String value = headers.getValue(HttpHeaderName.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                OffsetDateTime at = OffsetDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
