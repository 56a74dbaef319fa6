package dev.custommodels.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custommodels.mapping.TypeLattice;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code mapping-bench/1} file: catalogs of entities and cases of model inputs with the expected target
 * of each field. The format declares no primary keys, so each entity's key is taken to be the attribute named
 * like the entity plus {@code Id}, else the first identifier attribute whose other words all appear in the entity
 * name, else the first identifier attribute, else the first attribute.
 */
final class MappingBenchFile {
    static final String FORMAT = "mapping-bench/1";

    /** The expected answer of one field. */
    record Truth(String expected, Set<String> lenient) {
    }

    /** One case: an input, its catalog, and the truth per field. */
    record Case(String id, List<EntitySchema> catalog, ModelInput input, Map<String, Truth> truth) {
    }

    private MappingBenchFile() {
    }

    static List<Case> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a " + FORMAT + " file (format is '"
                    + root.path("format").asText() + "').");
        }
        Map<String, EntitySchema> entities = new LinkedHashMap<>();
        root.path("entities").fields().forEachRemaining(e -> entities.put(e.getKey(), entity(e.getValue())));
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            String id = c.path("id").asText();
            JsonNode catalog = root.path("catalogs").path(c.path("catalog").asText());
            if (catalog.isMissingNode()) {
                throw new IllegalArgumentException("Case " + id + " names the unknown catalog '"
                        + c.path("catalog").asText() + "'.");
            }
            List<EntitySchema> schemas = new ArrayList<>();
            for (JsonNode e : catalog.path("entities")) {
                EntitySchema s = entities.get(e.asText());
                if (s == null) {
                    throw new IllegalArgumentException("Catalog of case " + id + " names the unknown entity '"
                            + e.asText() + "'.");
                }
                schemas.add(s);
            }
            List<ModelField> fields = new ArrayList<>();
            Map<String, Truth> truth = new LinkedHashMap<>();
            for (JsonNode f : c.path("fields")) {
                String name = f.path("name").asText();
                DataType type = type(f.path("type").asText(), "field " + name + " of case " + id);
                fields.add(new ModelField(name, type, f.path("original_type").asText(null), true));
                JsonNode t = f.path("truth");
                String expected = t.path("expected").isNull() ? null : t.path("expected").asText();
                Set<String> lenient = new HashSet<>();
                lenient.add(expected);
                for (JsonNode a : t.path("also_acceptable")) {
                    lenient.add(a.isNull() ? null : a.asText());
                }
                truth.put(name, new Truth(expected, lenient));
            }
            cases.add(new Case(id, schemas, ModelInput.of(id, fields), truth));
        }
        return cases;
    }

    private static EntitySchema entity(JsonNode e) {
        String name = e.path("name").asText();
        List<Attribute> attrs = new ArrayList<>();
        for (JsonNode a : e.path("attributes")) {
            String an = a.path("name").asText();
            attrs.add(new Attribute(an, type(a.path("type").asText(), "attribute " + an + " of entity " + name),
                    a.path("display_name").asText(null)));
        }
        return new EntitySchema(name, attrs, primaryKey(name, attrs));
    }

    private static DataType type(String t, String where) {
        try {
            return TypeLattice.parseType(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The type of " + where + ": " + e.getMessage(), e);
        }
    }

    static String primaryKey(String entity, List<Attribute> attrs) {
        String own = compact(entity) + "id";
        List<String> ids = new ArrayList<>();
        for (Attribute a : attrs) {
            String c = compact(a.name());
            if (c.equals(own)) {
                return a.name();
            }
            if (c.endsWith("id")) {
                ids.add(a.name());
            }
        }
        Set<String> entityWords = new HashSet<>();
        words(entity).forEach(w -> entityWords.add(stem(w)));
        for (String id : ids) {
            List<String> words = words(id);
            List<String> rest = words.subList(0, Math.max(0, words.size() - 1));
            if (!rest.isEmpty() && rest.stream().allMatch(w -> entityWords.contains(stem(w)))) {
                return id;
            }
        }
        return ids.isEmpty() ? attrs.get(0).name() : ids.get(0);
    }

    private static String compact(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static String stem(String w) {
        return w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
    }
}
