package dev.custommodels.testkit.emulator.studio;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validation and scoring shared by RRS and BES: input columns checked against the schema, values parsed to their
 * types, global parameters checked and defaulted, rows scored by the model and shaped into each output's columns.
 */
final class ScoringEngine {
    private ScoringEngine() {
    }

    /** A request the service rejects: HTTP 400 with an error code and detail code. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final String detailCode;
        final String target;

        Rejected(String code, String detailCode, String target, String message) {
            super(message, null, false, false);
            this.code = code;
            this.detailCode = detailCode;
            this.target = target;
        }
    }

    static Map<String, String> parameters(StudioServiceSpec spec, JsonNode globals) throws Rejected {
        Map<String, String> values = new HashMap<>();
        Map<String, StudioParameter> declared = new HashMap<>();
        spec.parameters().forEach(p -> declared.put(p.name(), p));
        if (globals != null && globals.isObject()) {
            for (Map.Entry<String, JsonNode> e : globals.properties()) {
                if (!declared.containsKey(e.getKey())) {
                    throw new Rejected("BadUserArgument", "UnexpectedParameter", e.getKey(), "Unexpected global"
                            + " parameter '" + e.getKey() + "'; the web service declares " + declared.keySet() + ".");
                }
                values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        List<String> missing = new ArrayList<>();
        for (StudioParameter p : spec.parameters()) {
            if (!values.containsKey(p.name())) {
                if (p.defaultValue() == null) {
                    missing.add(p.name());
                } else {
                    values.put(p.name(), p.defaultValue());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new Rejected("BadUserArgument", "MissingRequiredGlobalParameters", null, "Missing required global"
                    + " parameter(s) " + missing + ".");
        }
        return values;
    }

    /** Checks a table of one input and returns its rows keyed by every schema column. */
    static List<Map<String, String>> rows(StudioServiceSpec spec, String input, List<String> columns,
            List<List<String>> values) throws Rejected {
        List<StudioColumn> schema = spec.inputs().get(input);
        Map<String, StudioColumn> byName = new LinkedHashMap<>();
        schema.forEach(c -> byName.put(c.name(), c));
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!byName.containsKey(c)) {
                throw new Rejected("BadUserArgument", "InputMismatchError", input, "Input data does not match the"
                        + " schema of input '" + input + "': the column '" + c + "' is not in the schema "
                        + byName.keySet() + ".");
            }
            if (!seen.add(c)) {
                throw new Rejected("BadUserArgument", "InputMismatchError", input, "The column '" + c
                        + "' appears twice in input '" + input + "'.");
            }
        }
        List<String> missing = schema.stream().filter(c -> c.required() && !seen.contains(c.name()))
                .map(StudioColumn::name).toList();
        if (!missing.isEmpty()) {
            throw new Rejected("BadUserArgument", "InputMismatchError", input, "Input data does not match the"
                    + " schema of input '" + input + "': required column(s) " + missing + " are missing.");
        }
        StudioColumn[] types = columns.stream().map(byName::get).toArray(StudioColumn[]::new);
        int[] kinds = java.util.Arrays.stream(types).mapToInt(ScoringEngine::kind).toArray();
        List<Map<String, String>> rows = new ArrayList<>(values.size());
        for (int r = 0; r < values.size(); r++) {
            List<String> row = values.get(r);
            if (row.size() != columns.size()) {
                throw new Rejected("BadUserArgument", "InputParseError", input, "Parsing of input vector failed:"
                        + " row " + r + " has " + row.size() + " values for " + columns.size() + " columns.");
            }
            Map<String, String> m = new HashMap<>();
            for (StudioColumn c : schema) {
                m.put(c.name(), "");
            }
            for (int i = 0; i < types.length; i++) {
                String v = row.get(i) == null ? "" : row.get(i);
                if (!parses(kinds[i], v)) {
                    throw new Rejected("BadUserArgument", "InputParseError", input, "Parsing of input vector"
                            + " failed: row " + r + ", column '" + types[i].name() + "': '" + v + "' is not a valid "
                            + types[i].type() + (types[i].format() == null ? "" : "/" + types[i].format()) + ".");
                }
                m.put(types[i].name(), v);
            }
            rows.add(m);
        }
        return rows;
    }

    private static final int ANY = 0;
    private static final int INTEGER = 1;
    private static final int NUMBER = 2;
    private static final int BOOLEAN = 3;
    private static final int DATE_TIME = 4;

    private static int kind(StudioColumn c) {
        return switch (c.type().toLowerCase(Locale.ROOT)) {
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "string" -> "date-time".equalsIgnoreCase(c.format()) ? DATE_TIME : ANY;
            default -> ANY; // a type the emulator does not check
        };
    }

    private static boolean parses(int kind, String v) {
        if (v.isEmpty() || kind == ANY) {
            return true;
        }
        try {
            switch (kind) {
                case INTEGER -> Long.parseLong(v);
                case NUMBER -> Double.parseDouble(v);
                case BOOLEAN -> {
                    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
                }
                default -> parseDateTime(v);
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    private static void parseDateTime(String v) {
        try {
            OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(v);
            } catch (DateTimeParseException e2) {
                LocalDate.parse(v);
            }
        }
    }

    /** Scores rows; returns, per output, its rows in the output's column order. */
    static Map<String, List<List<String>>> score(StudioServiceSpec spec, List<Map<String, String>> rows,
            Map<String, String> parameters) {
        Map<String, List<List<String>>> outputs = new LinkedHashMap<>();
        spec.outputs().keySet().forEach(o -> outputs.put(o, new ArrayList<>(rows.size())));
        for (Map<String, String> row : rows) {
            Map<String, String> result = spec.model().score(row, parameters);
            for (Map.Entry<String, List<StudioColumn>> o : spec.outputs().entrySet()) {
                List<String> out = new ArrayList<>(o.getValue().size());
                for (StudioColumn c : o.getValue()) {
                    String v = result.get(c.name());
                    out.add(v != null ? v : row.getOrDefault(c.name(), ""));
                }
                outputs.get(o.getKey()).add(out);
            }
        }
        return outputs;
    }
}
