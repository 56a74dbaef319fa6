package dev.custommodels.connectors.studio.implementation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON helpers. The classic services are .NET and their casing varies, so property lookups ignore case (an exact
 * match wins).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    static JsonNode parse(byte[] body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw new dev.custommodels.models.CustomModelsException("The " + what
                    + " is not valid JSON (" + e.getClass().getSimpleName() + ").");
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a property, ignoring case; a missing node when absent or when {@code node} is not an object. */
    static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    /** Follows a path of properties, ignoring case. */
    static JsonNode path(JsonNode node, String... names) {
        JsonNode n = node;
        for (String name : names) {
            n = get(n, name);
        }
        return n;
    }

    /** Returns a property's text, or {@code null} when absent or JSON null. */
    static String text(JsonNode node, String name) {
        JsonNode v = get(node, name);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** Returns a cell as text: strings as they are, numbers and booleans as JSON writes them, null as empty. */
    static String cell(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }
}
