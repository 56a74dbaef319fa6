package dev.custommodels.implementation.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.DataType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the CDM model.json of an output entity and of each version.
 *
 * <p>The standard part ({@code name}, {@code version} "1.0", {@code entities[0]} a {@code LocalEntity} with
 * {@code attributes} and {@code partitions} carrying {@code CsvFormatSettings}) is what CDM consumers read. What
 * only this SDK needs (run lineage, generation, partitioning scheme, index paths, retained versions) sits in
 * properties with the {@code customModels:} prefix, which the CDM documentation reserves for producers and
 * consumers ignore. An attribute's SDK data type rides in a {@code customModels:dataType} annotation, since
 * model.json has no date-only type.
 */
public final class ManifestCodec {
    static final String PREFIX = "customModels:";
    private static final String EXT = PREFIX + "outputEntity";
    private static final String TYPE_ANNOTATION = PREFIX + "dataType";
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestCodec() {
    }

    /**
     * Writes a model.json.
     *
     * @param v the version
     * @param versions the retained versions for the entity's model.json, or {@code null} for a version's own file
     * @return the JSON bytes
     */
    public static byte[] encode(VersionManifest v, List<VersionEntry> versions) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", v.entityName());
        root.put("description", "Output entity '" + v.entityName() + "' written by custom-models; this document "
                + "describes the version of run " + v.runId() + ".");
        root.put("version", "1.0");
        root.put("application", "custom-models");
        root.put("modifiedTime", time(v.committedAt()));
        ObjectNode entity = root.putArray("entities").addObject();
        entity.put("$type", "LocalEntity");
        entity.put("name", v.entityName());
        entity.put("description", "Scored results, one row per model output row, with lineage columns.");
        ArrayNode attributes = entity.putArray("attributes");
        for (Attribute a : v.attributes()) {
            ObjectNode attr = attributes.addObject();
            attr.put("name", a.name());
            attr.put("dataType", cdmType(a.type()));
            ObjectNode ann = attr.putArray("annotations").addObject();
            ann.put("name", TYPE_ANNOTATION);
            ann.put("value", a.type().name());
        }
        ArrayNode partitions = entity.putArray("partitions");
        for (PartitionInfo p : v.partitions()) {
            ObjectNode part = partitions.addObject();
            part.put("name", EntityPaths.partitionName(p.number()));
            part.put("refreshTime", time(v.committedAt()));
            part.put("location", p.location());
            ObjectNode csv = part.putObject("fileFormatSettings");
            csv.put("$type", "CsvFormatSettings");
            csv.put("columnHeaders", false);
            csv.put("delimiter", ",");
            csv.put("quoteStyle", "QuoteStyle.Csv");
            csv.put("csvStyle", "CsvStyle.QuoteAlways");
            csv.put("encoding", "UTF-8");
            part.put(PREFIX + "path", p.path());
            part.put(PREFIX + "indexPath", p.indexPath());
            part.put(PREFIX + "rowCount", p.rowCount());
            part.put(PREFIX + "bytes", p.bytes());
        }
        ObjectNode ext = root.putObject(EXT);
        ext.put("formatVersion", FORMAT_VERSION);
        ext.put("customerIdAttribute", v.customerIdAttribute());
        ObjectNode partitioning = ext.putObject("partitioning");
        partitioning.put("hash", "murmur3_x86_32, seed 0, UTF-8 bytes of the Customer ID text");
        partitioning.put("placement", "partition = (unsigned hash * partitionCount) >>> 32; rows sorted by "
                + "(unsigned hash, Customer ID) within a partition");
        partitioning.put("partitionCount", v.partitions().size());
        partitioning.put("indexInterval", v.indexInterval());
        writeEntry(ext.putObject("version"), v.entry());
        if (versions != null) {
            ArrayNode list = ext.putArray("versions");
            versions.forEach(e -> writeEntry(list.addObject(), e));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serialising a model.json failed.", e);
        }
    }

    /**
     * Reads an entity's model.json.
     *
     * @param bytes the file
     * @param path its lake path, for messages
     * @return the manifest
     * @throws CorruptStateException if the file is not one this SDK wrote
     */
    public static EntityManifest decodeEntity(byte[] bytes, String path) {
        JsonNode root = parse(bytes, path);
        VersionManifest current = decodeVersion(root, path);
        JsonNode list = root.path(EXT).path("versions");
        List<VersionEntry> versions = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(n -> versions.add(readEntry(n, path)));
        }
        if (versions.isEmpty()) {
            versions.add(current.entry());
        }
        return new EntityManifest(current, versions);
    }

    /**
     * Reads a version's own model.json.
     *
     * @param bytes the file
     * @param path its lake path, for messages
     * @return the version
     * @throws CorruptStateException if the file is not one this SDK wrote
     */
    public static VersionManifest decodeVersion(byte[] bytes, String path) {
        return decodeVersion(parse(bytes, path), path);
    }

    private static VersionManifest decodeVersion(JsonNode root, String path) {
        JsonNode ext = root.path(EXT);
        if (!ext.isObject() || ext.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new CorruptStateException(path, "it has no '" + EXT + "' section of format version "
                    + FORMAT_VERSION + "; it was not written by this version of custom-models", null);
        }
        JsonNode entity = root.path("entities").path(0);
        List<Attribute> attributes = new ArrayList<>();
        for (JsonNode a : entity.path("attributes")) {
            attributes.add(Attribute.of(text(a, "name", path), dataType(a, path)));
        }
        List<PartitionInfo> partitions = new ArrayList<>();
        int number = 0;
        for (JsonNode p : entity.path("partitions")) {
            partitions.add(new PartitionInfo(number++, text(p, PREFIX + "path", path),
                    text(p, PREFIX + "indexPath", path), p.path("location").asText(""),
                    p.path(PREFIX + "rowCount").asLong(), p.path(PREFIX + "bytes").asLong()));
        }
        VersionEntry e = readEntry(ext.path("version"), path);
        return new VersionManifest(text(root, "name", path), e.runId(), e.attempt(), e.generation(), attributes,
                text(ext, "customerIdAttribute", path), e.rowCount(), e.scoredAt(), e.committedAt(),
                e.modelReference(), ext.path("partitioning").path("indexInterval").asInt(32), partitions,
                e.manifestPath());
    }

    private static void writeEntry(ObjectNode n, VersionEntry e) {
        n.put("runId", e.runId());
        n.put("attempt", e.attempt());
        n.put("generation", e.generation());
        n.put("rowCount", e.rowCount());
        n.put("partitionCount", e.partitionCount());
        n.put("scoredAt", time(e.scoredAt()));
        n.put("committedAt", time(e.committedAt()));
        n.put("modelReference", e.modelReference());
        n.put("manifestPath", e.manifestPath());
    }

    private static VersionEntry readEntry(JsonNode n, String path) {
        return new VersionEntry(text(n, "runId", path), text(n, "attempt", path), n.path("generation").asLong(),
                n.path("rowCount").asLong(), n.path("partitionCount").asInt(), time(n, "scoredAt", path),
                time(n, "committedAt", path), n.path("modelReference").asText(null), text(n, "manifestPath", path));
    }

    private static JsonNode parse(byte[] bytes, String path) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new CorruptStateException(path, "it is not valid JSON", e);
        }
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new CorruptStateException(path, "the field '" + field + "' is missing", null);
        }
        return v.asText();
    }

    private static OffsetDateTime time(JsonNode n, String field, String path) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new CorruptStateException(path, "the field '" + field + "' is not an ISO date-time", e);
        }
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static String cdmType(DataType type) {
        switch (type) {
            case STRING:
                return "string";
            case INTEGER:
                return "int64";
            case NUMBER:
                return "double";
            case BOOLEAN:
                return "boolean";
            case DATE:
                return "dateTime";
            case DATETIME:
                return "dateTimeOffset";
            default:
                throw new IllegalStateException("Unknown data type " + type);
        }
    }

    private static DataType dataType(JsonNode attribute, String path) {
        for (JsonNode ann : attribute.path("annotations")) {
            if (TYPE_ANNOTATION.equals(ann.path("name").asText())) {
                try {
                    return DataType.valueOf(ann.path("value").asText());
                } catch (IllegalArgumentException e) {
                    throw new CorruptStateException(path, "the attribute '" + attribute.path("name").asText()
                            + "' has an unknown data type '" + ann.path("value").asText() + "'", e);
                }
            }
        }
        switch (attribute.path("dataType").asText("")) {
            case "int64":
                return DataType.INTEGER;
            case "double":
            case "decimal":
                return DataType.NUMBER;
            case "boolean":
                return DataType.BOOLEAN;
            case "dateTime":
            case "dateTimeOffset":
                return DataType.DATETIME;
            default:
                return DataType.STRING;
        }
    }
}
