package dev.custommodels.implementation.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads ARM and Azure ML JSON with property names matched case-insensitively, since several of these services are
 * .NET services whose casing varies between versions.
 */
public final class ArmJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArmJson() {
    }

    /**
     * Parses a body.
     *
     * @param body the JSON text
     * @return the tree, or a missing node when the text is empty or not JSON
     */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Serialises a value (maps, lists, strings, numbers).
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Returns a property, matching the name case-insensitively.
     *
     * @param node the object
     * @param names the property name and alternatives, tried in order
     * @return the value, or a missing node
     */
    public static JsonNode get(JsonNode node, String... names) {
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

    /**
     * Returns a text property, matching the name case-insensitively.
     *
     * @param node the object
     * @param names the property name and alternatives
     * @return the text, or {@code null} when absent or JSON null
     */
    public static String text(JsonNode node, String... names) {
        JsonNode v = get(node, names);
        return v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /**
     * Returns the elements of an array property.
     *
     * @param node the object
     * @param names the property name and alternatives
     * @return the elements, empty when absent
     */
    public static List<JsonNode> array(JsonNode node, String... names) {
        JsonNode v = get(node, names);
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /**
     * Returns the text elements of an array property.
     *
     * @param node the object
     * @param names the property name and alternatives
     * @return the texts, empty when absent
     */
    public static List<String> texts(JsonNode node, String... names) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array(node, names)) {
            if (!n.isNull()) {
                out.add(n.asText());
            }
        }
        return out;
    }
}
