package dev.custommodels.connectors.studio.implementation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CustomModelsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RRS request and response bodies, in the table format ({@code ColumnNames}/{@code Values}) and the swagger one. */
final class RrsBodies {
    private RrsBodies() {
    }

    /** A scored table: column names and string rows. */
    record Table(List<String> columns, List<List<String>> rows) {
    }

    /**
     * Writes a request body.
     *
     * @param input the model input's name
     * @param fields the field names sent
     * @param fieldIndexes where each field is in a staged row
     * @param rows the staged rows
     */
    static byte[] request(boolean table, String input, List<String> fields, int[] fieldIndexes,
            List<List<String>> rows, Map<String, String> parameters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows.size() * fields.size() * 12);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("Inputs");
            if (table) {
                g.writeObjectFieldStart(input);
                g.writeArrayFieldStart("ColumnNames");
                for (String f : fields) {
                    g.writeString(f);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("Values");
                for (List<String> row : rows) {
                    g.writeStartArray();
                    for (int i : fieldIndexes) {
                        g.writeString(row.get(i));
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            } else {
                g.writeArrayFieldStart(input);
                for (List<String> row : rows) {
                    g.writeStartObject();
                    for (int f = 0; f < fields.size(); f++) {
                        g.writeStringField(fields.get(f), row.get(fieldIndexes[f]));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("GlobalParameters");
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                g.writeStringField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads the chosen output of a response, in either format (the {@code type} marker is not relied on).
     *
     * @param output the output's name, or {@code null} for the first
     * @param declared the output's declared columns, to order swagger-format records
     */
    static Table response(JsonNode body, String output, List<String> declared) {
        JsonNode results = Json.get(body, "Results");
        if (!results.isObject() || results.size() == 0) {
            throw new CustomModelsException("The RRS response has no Results.");
        }
        JsonNode port = output == null ? results.elements().next() : Json.get(results, output);
        if (port.isMissingNode()) {
            List<String> names = new ArrayList<>();
            results.fieldNames().forEachRemaining(names::add);
            throw new CustomModelsException("The RRS response has no output '" + output + "'; it has " + names
                    + ". Choose one of them as the workflow's model output.");
        }
        return port.isArray() ? records(port, declared) : table(Json.get(port, "value").isObject()
                ? Json.get(port, "value") : port);
    }

    private static Table table(JsonNode value) {
        List<String> columns = new ArrayList<>();
        Json.get(value, "ColumnNames").forEach(n -> columns.add(n.asText()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : Json.get(value, "Values")) {
            List<String> row = new ArrayList<>(columns.size());
            for (JsonNode cell : r) {
                row.add(Json.cell(cell));
            }
            if (row.size() != columns.size()) {
                throw new CustomModelsException("An RRS result row has " + row.size() + " values for "
                        + columns.size() + " columns.");
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    private static Table records(JsonNode array, List<String> declared) {
        Set<String> names = new LinkedHashSet<>(declared);
        for (JsonNode r : array) {
            for (Iterator<String> it = r.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
        }
        List<String> columns = List.copyOf(names);
        List<List<String>> rows = new ArrayList<>(array.size());
        for (JsonNode r : array) {
            List<String> row = new ArrayList<>(columns.size());
            for (String c : columns) {
                row.add(Json.cell(r.get(c)));
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }
}
