package dev.custommodels.testkit.gateway;

import com.azure.storage.blob.models.BlobRequestConditions;
import com.sun.net.httpserver.HttpExchange;
import java.util.Map;

/** One parsed request to the gateway: method, file system, path inside it, and query parameters (keys lower case). */
record DfsRequest(HttpExchange exchange, String method, String fileSystem, String path, Map<String, String> query) {

    String param(String name) {
        return query.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The destination's conditions: If-Match and If-None-Match. */
    BlobRequestConditions conditions() {
        return new BlobRequestConditions().setIfMatch(header("If-Match")).setIfNoneMatch(header("If-None-Match"));
    }
}
