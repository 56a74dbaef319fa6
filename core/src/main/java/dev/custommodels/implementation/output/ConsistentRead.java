package dev.custommodels.implementation.output;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import java.util.Optional;

/**
 * Reads an object together with the ETag of exactly those bytes: stat, read, stat again, and retry if the ETag
 * moved in between. The SPI has no read that returns the ETag, and a writer that pairs new bytes with an old
 * ETag (or the reverse) would commit over a version it never saw.
 *
 * @param bytes the object's bytes
 * @param etag their ETag
 */
public record ConsistentRead(byte[] bytes, String etag) {
    private static final int ATTEMPTS = 20;

    /**
     * Reads an object.
     *
     * @param store the lake
     * @param path the path
     * @return the bytes and their ETag, or empty when there is no object
     * @throws CustomModelsException if the object kept changing during every attempt
     */
    public static Optional<ConsistentRead> read(LakeStore store, String path) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<LakeObjectInfo> before = store.stat(path);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = store.readAll(path);
            } catch (LakeObjectNotFoundException gone) {
                continue;
            }
            Optional<LakeObjectInfo> after = store.stat(path);
            if (after.isPresent() && after.get().etag().equals(before.get().etag())) {
                return Optional.of(new ConsistentRead(bytes, before.get().etag()));
            }
        }
        throw new CustomModelsException("The lake object '" + path + "' changed during each of " + ATTEMPTS
                + " reads; other writers are committing without pause. Retry later.");
    }
}
