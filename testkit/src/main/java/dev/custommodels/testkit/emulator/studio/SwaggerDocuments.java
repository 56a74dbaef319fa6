package dev.custommodels.testkit.emulator.studio;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents that describe an emulated service: the endpoint's Swagger 2.0 {@code swagger.json} (as real
 * classic endpoints publish it) and an ARM web service's {@code properties} ({@code input}, {@code output},
 * {@code parameters}, {@code package.graphParameters}); both describe the same fields.
 */
final class SwaggerDocuments {
    private SwaggerDocuments() {
    }

    static Map<String, Object> swagger(StudioWebService s, String baseUrl) {
        URI base = URI.create(baseUrl);
        StudioServiceSpec spec = s.spec();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("swagger", "2.0");
        doc.put("info", Map.of("title", spec.name(), "description", spec.description(), "version", "2.0",
                "x-endpoint-name", "default"));
        doc.put("host", base.getRawAuthority());
        doc.put("basePath", s.scoringPath());
        doc.put("schemes", List.of(base.getScheme()));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/swagger.json", Map.of("get", Map.of("summary", "Get swagger API document for the web service")));
        paths.put("/execute?api-version=2.0&format=swagger", Map.of("post", Map.of("summary", "Execute the web"
                + " service and get a response synchronously")));
        if (spec.batch()) {
            paths.put("/jobs?api-version=2.0", Map.of("post", Map.of("summary", "Submit an asynchronous job")));
            paths.put("/jobs/{jobId}?api-version=2.0", Map.of("get", Map.of("summary", "Get the status of a job"),
                    "delete", Map.of("summary", "Cancel a job")));
            paths.put("/jobs/{jobId}/start?api-version=2.0", Map.of("post", Map.of("summary", "Start a job")));
        }
        doc.put("paths", paths);
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("ExecutionRequest", Map.of("type", "object", "properties", Map.of(
                "Inputs", Map.of("$ref", "#/definitions/ExecutionInputs"),
                "GlobalParameters", Map.of("$ref", "#/definitions/GlobalParameters"))));
        defs.put("ExecutionInputs", ports(spec.inputs()));
        spec.inputs().forEach((name, cols) -> defs.put(name + "Item", item(cols, true)));
        defs.put("ExecutionResults", Map.of("type", "object", "properties", Map.of(
                "Results", Map.of("$ref", "#/definitions/ExecutionOutputs"))));
        defs.put("ExecutionOutputs", ports(spec.outputs()));
        spec.outputs().forEach((name, cols) -> defs.put(name + "Item", item(cols, false)));
        Map<String, Object> globals = new LinkedHashMap<>();
        for (StudioParameter p : spec.parameters()) {
            Map<String, Object> prop = typed(p.type(), p.format());
            if (p.defaultValue() != null) {
                prop.put("default", p.defaultValue());
            }
            globals.put(p.name(), prop);
        }
        defs.put("GlobalParameters", Map.of("type", "object", "properties", globals));
        defs.put("AzureBlobDataReference", Map.of("type", "object", "properties", Map.of(
                "ConnectionString", Map.of("type", "string"), "RelativeLocation", Map.of("type", "string"),
                "BaseLocation", Map.of("type", "string"), "SasBlobToken", Map.of("type", "string"))));
        defs.put("BatchExecutionStatus", Map.of("type", "object", "properties", Map.of(
                "StatusCode", Map.of("type", "string", "enum", List.of("NotStarted", "Running", "Failed",
                        "Cancelled", "Finished"), "default", "NotStarted"),
                "Results", Map.of("type", "object"), "Details", Map.of("type", "string"))));
        doc.put("definitions", defs);
        return doc;
    }

    private static Map<String, Object> ports(Map<String, List<StudioColumn>> ports) {
        Map<String, Object> props = new LinkedHashMap<>();
        ports.keySet().forEach(name -> props.put(name, Map.of("type", "array", "items",
                Map.of("$ref", "#/definitions/" + name + "Item"))));
        return Map.of("type", "object", "properties", props);
    }

    private static Map<String, Object> item(List<StudioColumn> cols, boolean withRequired) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (StudioColumn c : cols) {
            props.put(c.name(), typed(c.type(), c.format()));
            if (c.required()) {
                required.add(c.name());
            }
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "object");
        item.put("properties", props);
        if (withRequired) {
            item.put("required", required);
        }
        return item;
    }

    private static Map<String, Object> typed(String type, String format) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (format != null) {
            m.put("format", format);
        }
        return m;
    }

    static Map<String, Object> armProperties(StudioWebService s, String baseUrl) {
        StudioServiceSpec spec = s.spec();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", spec.name());
        p.put("description", spec.description());
        p.put("provisioningState", "Succeeded");
        p.put("swaggerLocation", baseUrl + s.scoringPath() + "/swagger.json");
        p.put("realtimeConfiguration", Map.of("maxConcurrentCalls", spec.maxConcurrentCalls()));
        if (s.workspace() != null) {
            p.put("machineLearningWorkspace", Map.of("id", s.workspace().armId()));
        }
        p.put("packageType", "Graph");
        p.put("input", armPorts(spec.inputs(), true));
        p.put("output", armPorts(spec.outputs(), false));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> graph = new LinkedHashMap<>();
        for (StudioParameter gp : spec.parameters()) {
            if (gp.defaultValue() != null) {
                values.put(gp.name(), Map.of("value", gp.defaultValue()));
            }
            graph.put(gp.name(), Map.of("type", graphType(gp.type(), gp.format()), "links", List.of()));
        }
        p.put("parameters", values);
        p.put("package", Map.of("nodes", Map.of(), "edges", List.of(), "graphParameters", graph));
        return p;
    }

    private static Map<String, Object> armPorts(Map<String, List<StudioColumn>> ports, boolean inputs) {
        Map<String, Object> props = new LinkedHashMap<>();
        ports.forEach((name, cols) -> {
            Map<String, Object> columns = new LinkedHashMap<>();
            for (StudioColumn c : cols) {
                Map<String, Object> col = new LinkedHashMap<>();
                col.put("type", capitalise(c.type()));
                if (c.format() != null) {
                    col.put("format", armFormat(c.format()));
                }
                col.put("x-ms-isnullable", !inputs || !c.required());
                columns.put(c.name(), col);
            }
            props.put(name, Map.of("title", name, "type", "object", "properties", columns));
        });
        return Map.of("type", "object", "properties", props);
    }

    private static String graphType(String type, String format) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "integer" -> "Int";
            case "number" -> "float".equalsIgnoreCase(format) ? "Float" : "Double";
            case "boolean" -> "Boolean";
            case "string" -> "String";
            default -> capitalise(type);
        };
    }

    private static String armFormat(String format) {
        return format.equalsIgnoreCase("date-time") ? "Date-time" : capitalise(format);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The {@code ColumnTypes} name RRS reports with {@code details=true}. */
    static String columnType(StudioColumn c) {
        String f = c.format() == null ? "" : c.format().toLowerCase(Locale.ROOT);
        return switch (c.type().toLowerCase(Locale.ROOT)) {
            case "integer" -> f.equals("int64") ? "Int64" : "Int32";
            case "number" -> f.equals("float") ? "Single" : "Double";
            case "boolean" -> "Boolean";
            case "string" -> f.equals("date-time") ? "DateTime" : "String";
            default -> capitalise(c.type());
        };
    }
}
