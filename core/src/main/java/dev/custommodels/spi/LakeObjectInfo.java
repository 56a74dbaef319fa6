package dev.custommodels.spi;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a lake store knows of one object.
 *
 * @param path the object's lake path
 * @param size its size in bytes
 * @param etag its current ETag; changes on every write
 * @param lastModified when it was last written, or {@code null} when the store does not say
 */
public record LakeObjectInfo(String path, long size, String etag, OffsetDateTime lastModified) {

    /**
     * Checks that path and ETag are present.
     *
     * @param path the object's lake path
     * @param size its size in bytes
     * @param etag its current ETag; changes on every write
     * @param lastModified when it was last written, or {@code null} when the store does not say
     */
    public LakeObjectInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(etag, "etag");
    }
}
