package dev.custommodels.connectors.batch.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads Azure Machine Learning JSON with property names matched case-insensitively (their casing varies). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /** Returns a property by any of its names, matched without regard to case, or a missing node. */
    static JsonNode get(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        for (String name : names) {
            JsonNode exact = node.get(name);
            if (exact != null) {
                return exact;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** Follows a path of property names. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = get(n, p);
        }
        return n;
    }

    static String text(JsonNode node, String... names) {
        JsonNode v = get(node, names);
        return v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Returns an object's members as text, objects and arrays as their JSON. */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText()
                            : e.getValue().toString()));
        }
        return out;
    }
}
