package dev.custommodels.connectors.studio.implementation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.custommodels.models.CustomModelsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
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
     * Reads the chosen output of a response, in either format, streaming (the {@code type} marker is not relied on;
     * property names are matched ignoring case; numbers and booleans are read as their text).
     *
     * @param output the output's name, or {@code null} for the first
     * @param declared the output's declared columns, to order swagger-format records
     */
    static Table response(byte[] body, String output, List<String> declared) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CustomModelsException("The RRS response is not a JSON object.");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equalsIgnoreCase("Results") || p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                List<String> seen = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String port = p.currentName();
                    p.nextToken();
                    if (output == null || port.equalsIgnoreCase(output)) {
                        return p.currentToken() == JsonToken.START_ARRAY ? records(p, declared) : table(p);
                    }
                    seen.add(port);
                    p.skipChildren();
                }
                throw new CustomModelsException("The RRS response has no output '" + output + "'; it has " + seen
                        + ". Choose one of them as the workflow's model output.");
            }
            throw new CustomModelsException("The RRS response has no Results.");
        } catch (IOException e) {
            throw new CustomModelsException("The RRS response is not valid JSON (" + e.getClass().getSimpleName()
                    + ").", e);
        }
    }

    /** A table port: {@code {"type":…,"value":{"ColumnNames":[…],"Values":[[…]]}}}, or the value itself. */
    private static Table table(JsonParser p) throws IOException {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        readTable(p, columns, rows);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new CustomModelsException("An RRS result row has " + row.size() + " values for "
                        + columns.size() + " columns.");
            }
        }
        return new Table(columns, rows);
    }

    private static void readTable(JsonParser p, List<String> columns, List<List<String>> rows) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equalsIgnoreCase("value") && t == JsonToken.START_OBJECT) {
                readTable(p, columns, rows);
            } else if (name.equalsIgnoreCase("ColumnNames") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    columns.add(p.getText());
                }
            } else if (name.equalsIgnoreCase("Values") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    List<String> row = new ArrayList<>(Math.max(columns.size(), 4));
                    for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
                        row.add(cell(p, c));
                    }
                    rows.add(row);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static Table records(JsonParser p, List<String> declared) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(declared);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> record = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                record.put(name, cell(p, p.nextToken()));
                names.add(name);
            }
            records.add(record);
        }
        List<String> columns = List.copyOf(names);
        List<List<String>> rows = new ArrayList<>(records.size());
        for (Map<String, String> r : records) {
            List<String> row = new ArrayList<>(columns.size());
            for (String c : columns) {
                row.add(r.getOrDefault(c, ""));
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** A cell as text: strings as they are, numbers and booleans as written, null as empty, nested JSON as JSON. */
    private static String cell(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            return Json.MAPPER.readTree(p).toString();
        }
        return p.getText();
    }
}
