package dev.custommodels.testkit.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Writes dfs responses: JSON bodies, errors in the dfs shape, common headers. */
final class DfsResponses {
    static final String SERVICE_VERSION = "2026-06-06";

    private DfsResponses() {
    }

    static String httpDate(OffsetDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static void common(HttpExchange exchange) {
        exchange.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("x-ms-version", SERVICE_VERSION);
    }

    static void empty(HttpExchange exchange, int status) throws IOException {
        common(exchange);
        exchange.getResponseHeaders().set("Content-Length", "0");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        common(exchange);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("x-ms-error-code", code);
        if ("HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
            empty(exchange, status);
            return;
        }
        json(exchange, status, "{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}}");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
