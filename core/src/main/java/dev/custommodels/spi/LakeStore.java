package dev.custommodels.spi;

import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One storage root that holds all of the SDK's state: workflows, runs, staged data and output entities.
 *
 * <p>Paths are relative, {@code /}-separated and validated by {@link LakePaths#validate(String)}. Every write is
 * atomic: a reader sees the old object or the new one, never a part. Implementations are thread-safe and pass the
 * {@code LakeStoreContractTest} suite of the testkit module.
 */
public interface LakeStore {

    /**
     * Opens an object for reading.
     *
     * @param path the lake path
     * @return a stream of the object's bytes; the caller closes it
     * @throws LakeObjectNotFoundException if there is no object at the path
     * @throws IllegalArgumentException if the path is not valid
     */
    InputStream openRead(String path);

    /**
     * Opens a byte range of an object for reading, for point lookups that need a few kilobytes of a large
     * object. Stores that can read a range natively (a file channel, an HTTP {@code Range} request) override
     * this; the default reads from the start and skips.
     *
     * @param path the lake path
     * @param offset the first byte to read, zero or more
     * @param length how many bytes to read at most, zero or more; fewer are returned at the end of the object
     * @return a stream of the range's bytes; the caller closes it
     * @throws LakeObjectNotFoundException if there is no object at the path
     * @throws IllegalArgumentException if the path is not valid or offset or length is negative
     */
    default InputStream openRead(String path, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("A range read of lake path '" + path + "' needs a non-negative "
                    + "offset and length, got offset " + offset + " and length " + length + ".");
        }
        InputStream in = openRead(path);
        try {
            long skipped = 0;
            while (skipped < offset) {
                long n = in.skip(offset - skipped);
                if (n <= 0) {
                    if (in.read() < 0) {
                        break;
                    }
                    n = 1;
                }
                skipped += n;
            }
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("Reading lake path '" + path + "' at offset " + offset + " failed.", e);
        }
        return new BoundedInputStream(in, length);
    }

    /**
     * Describes an object.
     *
     * @param path the lake path
     * @return the object's size and ETag, or empty when there is none
     * @throws IllegalArgumentException if the path is not valid
     */
    Optional<LakeObjectInfo> stat(String path);

    /**
     * Opens a stream that writes an object, committed atomically on close if the condition holds.
     *
     * @param path the lake path
     * @param condition when to write
     * @return the stream; the caller closes or aborts it
     * @throws IllegalArgumentException if the path is not valid
     */
    LakeOutputStream openWrite(String path, WriteCondition condition);

    /**
     * Lists the objects under a prefix, at any depth, in lexicographic order of path.
     *
     * @param prefix a path prefix; an empty string lists everything. A prefix that ends with {@code /} lists a
     *     folder; one that does not matches paths that start with it.
     * @return the objects; the caller closes the stream
     */
    Stream<LakeObjectInfo> list(String prefix);

    /**
     * Deletes an object if the condition holds.
     *
     * @param path the lake path
     * @param condition {@link WriteCondition#none()} or an if-match condition
     * @return {@code true} if an object was deleted, {@code false} if there was none
     * @throws LakeConditionFailedException if an if-match condition failed
     */
    boolean delete(String path, WriteCondition condition);

    /**
     * Deletes an object unconditionally.
     *
     * @param path the lake path
     * @return {@code true} if an object was deleted
     */
    default boolean delete(String path) {
        return delete(path, WriteCondition.none());
    }

    /**
     * Deletes every object under a prefix.
     *
     * @param prefix the prefix, usually ending with {@code /}
     * @return how many objects were deleted
     */
    default long deletePrefix(String prefix) {
        long[] count = {0};
        try (Stream<LakeObjectInfo> objects = list(prefix)) {
            objects.map(LakeObjectInfo::path).toList().forEach(p -> {
                if (delete(p)) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    /**
     * Writes a small object whole.
     *
     * @param path the lake path
     * @param content the bytes
     * @param condition when to write
     * @return the ETag of the new object
     * @throws LakeConditionFailedException if the condition failed
     */
    default String write(String path, byte[] content, WriteCondition condition) {
        LakeOutputStream out = openWrite(path, condition);
        try (out) {
            out.write(content);
        } catch (IOException e) {
            out.abort();
            throw new UncheckedIOException("Writing lake path '" + path + "' failed.", e);
        }
        return out.etag();
    }

    /**
     * Reads a small object whole.
     *
     * @param path the lake path
     * @return the bytes
     * @throws LakeObjectNotFoundException if there is no object at the path
     */
    default byte[] readAll(String path) {
        try (InputStream in = openRead(path)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading lake path '" + path + "' failed.", e);
        }
    }

    /**
     * Tells where a remote service can reach an object of this store, when it can.
     *
     * @param path the lake path
     * @return the blob location, or empty for stores a remote service cannot reach (such as a local directory)
     */
    default Optional<BlobLocation> blobLocation(String path) {
        return Optional.empty();
    }

    /**
     * Mints a short-lived signed URL for a path prefix, for handing to a remote service.
     *
     * @param prefix the path or folder the signature covers
     * @param access read or write
     * @param validFor how long the signature is valid
     * @return the signed URL (a secret: never log it), or empty for stores that cannot sign
     */
    default Optional<String> signedUrl(String prefix, LakeAccess access, java.time.Duration validFor) {
        return Optional.empty();
    }

    /**
     * A short description for logs and messages; never holds a secret.
     *
     * @return the description, such as {@code local:/data/lake} or {@code blob:https://acct.../container}
     */
    String describe();
}
