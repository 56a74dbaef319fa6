package dev.custommodels.testkit.gateway;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobBeginCopyOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.custommodels.testkit.implementation.HttpForwarder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/** Carries out the dfs calls the gateway translates, with the Blob client against the upstream. */
final class DfsOperations {
    private static final String FOLDER_METADATA = "hdi_isfolder";

    /** The largest append the gateway takes: it holds each append in memory, where the service takes 4000 MiB. */
    private static final long MAX_APPEND = 256L * 1024 * 1024;

    private final BlobServiceClient blobs;
    /** The most paths one listing response holds; the service's own limit is 5000. */
    private final int listPageSize;
    /** Direct buffers for append bodies, which the blob client then sends without copying. */
    private final AppendBuffers appendBuffers = new AppendBuffers();
    /** Appended but not yet flushed ranges, per "fileSystem/path": position to length. */
    private final Map<String, ConcurrentSkipListMap<Long, Long>> pending = new ConcurrentHashMap<>();
    /** Serialises renames and deletes so that their check-then-act steps are atomic among dfs callers. */
    private final ReentrantLock namespaceLock = new ReentrantLock();

    DfsOperations(BlobServiceClient blobs, int listPageSize) {
        this.blobs = blobs;
        this.listPageSize = listPageSize;
    }

    boolean handles(DfsRequest r) {
        if (r.fileSystem().isEmpty()) {
            return false;
        }
        if (r.path().isEmpty()) {
            return "GET".equals(r.method()) && "filesystem".equals(r.param("resource"));
        }
        return switch (r.method()) {
            case "PUT" -> r.param("resource") != null || r.header("x-ms-rename-source") != null;
            case "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    void handle(DfsRequest r) throws IOException {
        if (r.path().isEmpty()) {
            listPaths(r);
        } else if ("PUT".equals(r.method()) && r.header("x-ms-rename-source") != null) {
            rename(r);
        } else if ("PUT".equals(r.method())) {
            create(r);
        } else if ("PATCH".equals(r.method()) && "append".equals(r.param("action"))) {
            append(r);
        } else if ("PATCH".equals(r.method()) && "flush".equals(r.param("action"))) {
            flush(r);
        } else if ("DELETE".equals(r.method())) {
            delete(r);
        } else {
            DfsResponses.error(r.exchange(), 400, "UnsupportedOperation", "The dfs gateway does not translate "
                    + r.method() + " with action=" + r.param("action") + ".");
        }
    }

    static String dfsCode(String blobCode) {
        return switch (blobCode) {
            case "BlobNotFound" -> "PathNotFound";
            case "BlobAlreadyExists" -> "PathAlreadyExists";
            case "ContainerNotFound" -> "FilesystemNotFound";
            default -> blobCode;
        };
    }

    private void create(DfsRequest r) throws IOException {
        String resource = r.param("resource");
        boolean directory = "directory".equals(resource);
        if (!directory && !"file".equals(resource)) {
            DfsResponses.error(r.exchange(), 400, "InvalidQueryParameterValue", "resource=" + resource);
            return;
        }
        ensureParents(r.fileSystem(), r.path());
        BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(new byte[0]))
                .setRequestConditions(r.conditions())
                .setMetadata(directory ? Map.of(FOLDER_METADATA, "true") : null);
        pending.remove(key(r.fileSystem(), r.path()));
        BlockBlobItem item = block(r.fileSystem(), r.path()).uploadWithResponse(options, null, Context.NONE)
                .getValue();
        sendVersion(r, 201, item.getETag(), item.getLastModified());
    }

    private void append(DfsRequest r) throws IOException {
        long position = Long.parseLong(r.param("position"));
        long length = HttpForwarder.contentLength(r.exchange());
        if (length > MAX_APPEND) {
            DfsResponses.error(r.exchange(), 413, "RequestBodyTooLarge", "The gateway takes appends of at most "
                    + MAX_APPEND + " bytes, not " + length + ".");
            return;
        }
        ByteBuffer data = appendBuffers.take((int) length);
        try {
            if (!readBody(r.exchange().getRequestBody(), data)) {
                DfsResponses.error(r.exchange(), 400, "InvalidInput", "The body ended before its Content-Length of "
                        + length + " bytes.");
                return;
            }
            String md5 = r.header("Content-MD5");
            block(r.fileSystem(), r.path()).stageBlockWithResponse(new BlockBlobStageBlockOptions(blockId(position),
                    BinaryData.fromByteBuffer(data)).setContentMd5(md5 == null ? null
                            : Base64.getDecoder().decode(md5)), null, Context.NONE);
        } finally {
            appendBuffers.give(data);
        }
        pending.computeIfAbsent(key(r.fileSystem(), r.path()), k -> new ConcurrentSkipListMap<>())
                .put(position, length);
        DfsResponses.empty(r.exchange(), 202);
    }

    /** Reads a whole body into the buffer and flips it; {@code false} when the body is shorter. */
    private static boolean readBody(InputStream body, ByteBuffer into) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        while (into.hasRemaining()) {
            int n = body.read(chunk, 0, Math.min(chunk.length, into.remaining()));
            if (n < 0) {
                return false;
            }
            into.put(chunk, 0, n);
        }
        into.flip();
        return true;
    }

    private void flush(DfsRequest r) throws IOException {
        long position = Long.parseLong(r.param("position"));
        ConcurrentSkipListMap<Long, Long> ranges = pending.getOrDefault(key(r.fileSystem(), r.path()),
                new ConcurrentSkipListMap<>());
        List<String> ids = new ArrayList<>();
        long next = 0;
        for (Map.Entry<Long, Long> range : ranges.headMap(position).entrySet()) {
            if (range.getKey() != next) {
                break;
            }
            ids.add(blockId(range.getKey()));
            next += range.getValue();
        }
        if (next != position) {
            DfsResponses.error(r.exchange(), 400, "InvalidFlushPosition", "The appended data covers [0, " + next
                    + ") but flush asked for position " + position + "; the gateway flushes only files it saw"
                    + " appended from position 0.");
            return;
        }
        BlockBlobItem item = block(r.fileSystem(), r.path()).commitBlockListWithResponse(
                new BlockBlobCommitBlockListOptions(ids).setRequestConditions(r.conditions()), null, Context.NONE)
                .getValue();
        pending.remove(key(r.fileSystem(), r.path()));
        sendVersion(r, 200, item.getETag(), item.getLastModified());
    }

    private void rename(DfsRequest r) throws IOException {
        String source = r.header("x-ms-rename-source");
        int q = source.indexOf('?');
        String[] parts = DfsGateway.decode(q < 0 ? source : source.substring(0, q)).replaceFirst("^/", "")
                .split("/", 2);
        if (parts.length < 2 || !parts[0].equals(r.fileSystem())) {
            DfsResponses.error(r.exchange(), 400, "InvalidSourceUri", "The gateway renames within one file system.");
            return;
        }
        String sourcePath = parts[1];
        namespaceLock.lock();
        try {
            Optional<BlobProperties> src = properties(r.fileSystem(), sourcePath);
            String sourceIfMatch = r.header("x-ms-source-if-match");
            if (src.isEmpty()) {
                DfsResponses.error(r.exchange(), 404, "SourcePathNotFound", "No source " + sourcePath);
            } else if (isFolder(src.get())) {
                DfsResponses.error(r.exchange(), 400, "UnsupportedOperation", "The gateway renames only files.");
            } else if (sourceIfMatch != null && !sourceIfMatch.equals(src.get().getETag())) {
                DfsResponses.error(r.exchange(), 412, "SourceConditionNotMet", "Source ETag differs.");
            } else if (!conditionsHold(r, properties(r.fileSystem(), r.path()))) {
                return;
            } else if (!directoryExists(r.fileSystem(), parent(r.path()))) {
                DfsResponses.error(r.exchange(), 404, "RenameDestinationParentPathNotFound",
                        "The parent directory of the destination does not exist.");
            } else {
                BlobClient dest = container(r.fileSystem()).getBlobClient(r.path());
                dest.beginCopy(new BlobBeginCopyOptions(container(r.fileSystem()).getBlobClient(sourcePath)
                        .getBlobUrl()).setDestinationRequestConditions(r.conditions())
                        .setPollInterval(Duration.ofMillis(1))).waitForCompletion(Duration.ofMinutes(5));
                container(r.fileSystem()).getBlobClient(sourcePath).delete();
                BlobProperties moved = dest.getProperties();
                sendVersion(r, 201, moved.getETag(), moved.getLastModified());
            }
        } finally {
            namespaceLock.unlock();
        }
    }

    private boolean conditionsHold(DfsRequest r, Optional<BlobProperties> dest) throws IOException {
        String ifMatch = r.header("If-Match");
        String ifNoneMatch = r.header("If-None-Match");
        if (ifMatch != null && (dest.isEmpty() || !("*".equals(ifMatch) || ifMatch.equals(dest.get().getETag())))) {
            DfsResponses.error(r.exchange(), 412, "ConditionNotMet", "The destination's ETag differs.");
            return false;
        }
        if (ifNoneMatch != null && dest.isPresent()
                && ("*".equals(ifNoneMatch) || ifNoneMatch.equals(dest.get().getETag()))) {
            DfsResponses.error(r.exchange(), "*".equals(ifNoneMatch) ? 409 : 412,
                    "*".equals(ifNoneMatch) ? "PathAlreadyExists" : "ConditionNotMet", "The destination exists.");
            return false;
        }
        return true;
    }

    private void delete(DfsRequest r) throws IOException {
        boolean recursive = "true".equals(r.param("recursive"));
        namespaceLock.lock();
        try {
            Optional<BlobProperties> props = properties(r.fileSystem(), r.path());
            if (props.isPresent() && !isFolder(props.get())) {
                container(r.fileSystem()).getBlobClient(r.path()).deleteWithResponse(null, r.conditions(), null,
                        Context.NONE);
                pending.remove(key(r.fileSystem(), r.path()));
                DfsResponses.empty(r.exchange(), 200);
                return;
            }
            List<BlobItem> children = container(r.fileSystem()).listBlobs(
                    new ListBlobsOptions().setPrefix(r.path() + "/"), null).stream().toList();
            if (props.isEmpty() && children.isEmpty()) {
                DfsResponses.error(r.exchange(), 404, "PathNotFound", "No path " + r.path());
            } else if (!children.isEmpty() && !recursive) {
                DfsResponses.error(r.exchange(), 409, "DirectoryNotEmpty", "The directory is not empty.");
            } else {
                for (BlobItem child : children) {
                    container(r.fileSystem()).getBlobClient(child.getName()).deleteIfExists();
                }
                if (props.isPresent()) {
                    container(r.fileSystem()).getBlobClient(r.path()).deleteIfExists();
                }
                DfsResponses.empty(r.exchange(), 200);
            }
        } finally {
            namespaceLock.unlock();
        }
    }

    private void listPaths(DfsRequest r) throws IOException {
        String directory = Optional.ofNullable(r.param("directory")).orElse("").replaceAll("^/+|/+$", "");
        boolean recursive = "true".equals(r.param("recursive"));
        String prefix = directory.isEmpty() ? "" : directory + "/";
        if (!directory.isEmpty() && !directoryExists(r.fileSystem(), directory)) {
            DfsResponses.error(r.exchange(), 404, "PathNotFound", "No directory " + directory);
            return;
        }
        sendPage(r, entries(r.fileSystem(), prefix, recursive));
    }

    /** The paths under a prefix, by name, as the JSON objects of a listing. */
    private TreeMap<String, String> entries(String fileSystem, String prefix, boolean recursive) {
        TreeMap<String, String> entries = new TreeMap<>();
        for (BlobItem item : container(fileSystem).listBlobs(new ListBlobsOptions().setPrefix(prefix)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true)), null)) {
            String rest = item.getName().substring(prefix.length());
            int slash = rest.indexOf('/');
            for (int i = slash; i >= 0; i = rest.indexOf('/', i + 1)) {
                entries.putIfAbsent(prefix + rest.substring(0, i), directoryEntry(prefix + rest.substring(0, i)));
                if (!recursive) {
                    break;
                }
            }
            if (!recursive && slash >= 0) {
                continue;
            }
            boolean folder = item.getMetadata() != null && "true".equals(item.getMetadata().get(FOLDER_METADATA));
            entries.put(item.getName(), folder ? directoryEntry(item.getName())
                    : "{\"name\":" + DfsResponses.quote(item.getName()) + ",\"isDirectory\":\"false\""
                    + ",\"contentLength\":\"" + item.getProperties().getContentLength() + "\""
                    + ",\"etag\":" + DfsResponses.quote(unquote(item.getProperties().getETag()))
                    + ",\"lastModified\":" + DfsResponses.quote(DfsResponses.httpDate(
                            item.getProperties().getLastModified())) + "}");
        }
        return entries;
    }

    /**
     * Answers one page of a listing: at most the gateway's page size, or {@code maxResults} if smaller, after the
     * name a {@code continuation} token stands for; {@code x-ms-continuation} tells the client where the next page
     * starts, as the service's does.
     */
    private void sendPage(DfsRequest r, TreeMap<String, String> entries) throws IOException {
        int limit = listPageSize;
        String maxResults = r.param("maxresults");
        if (maxResults != null) {
            int asked = maxResults.matches("[0-9]{1,9}") ? Integer.parseInt(maxResults) : 0;
            if (asked <= 0) {
                DfsResponses.error(r.exchange(), 400, "InvalidQueryParameterValue", "maxResults=" + maxResults);
                return;
            }
            limit = Math.min(limit, asked);
        }
        String continuation = r.param("continuation");
        boolean resumes = continuation != null && !continuation.isEmpty();
        String after = resumes ? fromToken(continuation) : null;
        if (resumes && after == null) {
            DfsResponses.error(r.exchange(), 400, "InvalidQueryParameterValue", "continuation=" + continuation
                    + " is not a token this gateway gave.");
            return;
        }
        SortedMap<String, String> rest = after == null ? entries : entries.tailMap(after, false);
        List<String> page = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, String> entry : rest.entrySet()) {
            if (page.size() == limit) {
                r.exchange().getResponseHeaders().set("x-ms-continuation", toToken(last));
                break;
            }
            page.add(entry.getValue());
            last = entry.getKey();
        }
        DfsResponses.json(r.exchange(), 200, "{\"paths\":[" + String.join(",", page) + "]}");
    }

    /** A continuation token: the last name of the page, opaque to the client as the service's are. */
    private static String toToken(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    /** The name a token stands for, or {@code null} when it is not a token of this gateway. */
    private static String fromToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String directoryEntry(String name) {
        return "{\"name\":" + DfsResponses.quote(name) + ",\"isDirectory\":\"true\",\"contentLength\":\"0\""
                + ",\"etag\":\"0x0\",\"lastModified\":" + DfsResponses.quote(DfsResponses.httpDate(
                        OffsetDateTime.now())) + "}";
    }

    private void ensureParents(String fileSystem, String path) {
        List<String> missing = new ArrayList<>();
        for (String dir = parent(path); !dir.isEmpty(); dir = parent(dir)) {
            if (properties(fileSystem, dir).isPresent()) {
                break;
            }
            missing.add(dir);
        }
        for (String dir : missing) {
            try {
                block(fileSystem, dir).uploadWithResponse(new BlockBlobSimpleUploadOptions(
                        BinaryData.fromBytes(new byte[0])).setMetadata(Map.of(FOLDER_METADATA, "true"))
                        .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, Context.NONE);
            } catch (BlobStorageException e) {
                if (e.getStatusCode() != 409) {
                    throw e;
                }
            }
        }
    }

    private boolean directoryExists(String fileSystem, String dir) {
        if (dir.isEmpty()) {
            return true;
        }
        Optional<BlobProperties> marker = properties(fileSystem, dir);
        if (marker.isPresent()) {
            return isFolder(marker.get());
        }
        return container(fileSystem).listBlobs(new ListBlobsOptions().setPrefix(dir + "/").setMaxResultsPerPage(1),
                null).iterator().hasNext();
    }

    private Optional<BlobProperties> properties(String fileSystem, String path) {
        try {
            return Optional.of(container(fileSystem).getBlobClient(path).getProperties());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void sendVersion(DfsRequest r, int status, String etag, OffsetDateTime lastModified) throws IOException {
        r.exchange().getResponseHeaders().set("ETag", etag);
        r.exchange().getResponseHeaders().set("Last-Modified", DfsResponses.httpDate(lastModified));
        DfsResponses.empty(r.exchange(), status);
    }

    private static boolean isFolder(BlobProperties p) {
        return p.getMetadata() != null && "true".equals(p.getMetadata().get(FOLDER_METADATA));
    }

    private BlobContainerClient container(String fileSystem) {
        return blobs.getBlobContainerClient(fileSystem);
    }

    private BlockBlobClient block(String fileSystem, String path) {
        return container(fileSystem).getBlobClient(path).getBlockBlobClient();
    }

    private static String key(String fileSystem, String path) {
        return fileSystem + "/" + path;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String blockId(long position) {
        return Base64.getEncoder().encodeToString(String.format("pos-%020d", position)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static String unquote(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") ? etag.substring(1, etag.length() - 1)
                : etag;
    }
}
