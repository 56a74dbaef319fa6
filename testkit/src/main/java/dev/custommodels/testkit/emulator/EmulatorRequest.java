package dev.custommodels.testkit.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as an emulated service sees it, whichever transport brought it.
 *
 * @param method the HTTP method, upper case
 * @param host the host the client addressed (a real Azure host in process, 127.0.0.1 over loopback)
 * @param path the decoded path, starting with {@code /}
 * @param query the decoded query parameters; a parameter may repeat
 * @param headers the headers, keys lower case
 * @param body the body bytes, empty when there is none
 */
public record EmulatorRequest(String method, String host, String path, Map<String, List<String>> query,
        Map<String, String> headers, byte[] body) {

    /**
     * Normalises method and header names and copies the maps.
     *
     * @param method the HTTP method, upper case
     * @param host the host the client addressed (a real Azure host in process, 127.0.0.1 over loopback)
     * @param path the decoded path, starting with {@code /}
     * @param query the decoded query parameters; a parameter may repeat
     * @param headers the headers, keys lower case
     * @param body the body bytes, empty when there is none
     */
    public EmulatorRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query == null ? Map.of() : query);
        Map<String, String> lower = new TreeMap<>();
        (headers == null ? Map.<String, String>of() : headers)
                .forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    /**
     * Returns a header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the parameter name, exact case
     * @return the value, or empty
     */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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
     * Returns the bearer token of the {@code Authorization} header.
     *
     * @return the token, or empty when there is no bearer authorization
     */
    public Optional<String> bearerToken() {
        return header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).filter(t -> !t.isEmpty());
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query.keySet());
    }
}
