package dev.custommodels.testkit.emulator.studio;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;

/** How emulated batch jobs read and write blobs: a GET or PUT on a signed URL, as the real service does. */
abstract class BlobTransfer {

    /** The answer: status (0 when no response arrived) and body. */
    record Result(int status, byte[] body) {
    }

    abstract Result get(String url);

    abstract Result put(String url, byte[] body);

    static BlobTransfer jdk() {
        return new BlobTransfer() {
            private volatile java.net.http.HttpClient client;

            private java.net.http.HttpClient client() {
                if (client == null) {
                    client = java.net.http.HttpClient.newHttpClient();
                }
                return client;
            }

            @Override
            Result get(String url) {
                return send(java.net.http.HttpRequest.newBuilder(URI.create(url)).GET().build());
            }

            @Override
            Result put(String url, byte[] body) {
                return send(java.net.http.HttpRequest.newBuilder(URI.create(url)).header("x-ms-blob-type",
                        "BlockBlob").PUT(BodyPublishers.ofByteArray(body)).build());
            }

            private Result send(java.net.http.HttpRequest request) {
                try {
                    java.net.http.HttpResponse<byte[]> r = client().send(request, BodyHandlers.ofByteArray());
                    return new Result(r.statusCode(), r.body());
                } catch (IOException e) {
                    return new Result(0, new byte[0]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(0, new byte[0]);
                }
            }
        };
    }

    static BlobTransfer azure(HttpClient client) {
        return new BlobTransfer() {
            @Override
            Result get(String url) {
                return send(new HttpRequest(HttpMethod.GET, url));
            }

            @Override
            Result put(String url, byte[] body) {
                HttpRequest request = new HttpRequest(HttpMethod.PUT, url);
                request.setHeader(HttpHeaderName.fromString("x-ms-blob-type"), "BlockBlob");
                request.setBody(body);
                return send(request);
            }

            private Result send(HttpRequest request) {
                try (HttpResponse r = client.sendSync(request, Context.NONE)) {
                    return new Result(r.getStatusCode(), r.getBodyAsBinaryData().toBytes());
                } catch (RuntimeException e) {
                    return new Result(0, new byte[0]);
                }
            }
        };
    }
}
