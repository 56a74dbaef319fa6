package dev.custommodels.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response of an emulated service.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body bytes
 */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Copies the headers.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body bytes
     */
    public EmulatorResponse {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        body = body == null ? new byte[0] : body;
    }

    /**
     * Creates a response with a JSON body serialised from maps, lists, records or strings.
     *
     * @param status the status
     * @param value the value to serialise
     * @return the response
     */
    public static EmulatorResponse json(int status, Object value) {
        try {
            return new EmulatorResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The emulator cannot serialise " + value.getClass(), e);
        }
    }

    /**
     * Creates a response with a text body.
     *
     * @param status the status
     * @param contentType the content type
     * @param text the body
     * @return the response
     */
    public static EmulatorResponse text(int status, String contentType, String text) {
        return new EmulatorResponse(status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates a response without body.
     *
     * @param status the status
     * @return the response
     */
    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, Map.of(), new byte[0]);
    }

    /**
     * Creates an error response in the ARM / Azure shape {@code {"error":{"code":…,"message":…}}}.
     *
     * @param status the status
     * @param code the error code
     * @param message the message
     * @return the response
     */
    public static EmulatorResponse error(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return json(status, Map.of("error", error));
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name the header name
     * @param value the value
     * @return the copy
     */
    public EmulatorResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new EmulatorResponse(status, h, body);
    }

    /**
     * Returns the body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns the shared JSON mapper emulators use to read request bodies.
     *
     * @return the mapper; do not reconfigure it
     */
    public static ObjectMapper jsonMapper() {
        return JSON;
    }
}
