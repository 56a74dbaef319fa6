package dev.custommodels.spi;

import java.util.Objects;

/**
 * Where a lake object lives in Azure Storage, without any secret.
 *
 * @param accountName the storage account name
 * @param endpoint the Blob service endpoint, such as {@code https://acct.blob.core.windows.net}
 * @param container the container (file system)
 * @param blobName the blob's name inside the container
 */
public record BlobLocation(String accountName, String endpoint, String container, String blobName) {

    /**
     * Checks that every part is present.
     *
     * @param accountName the storage account name
     * @param endpoint the Blob service endpoint, such as {@code https://acct.blob.core.windows.net}
     * @param container the container (file system)
     * @param blobName the blob's name inside the container
     */
    public BlobLocation {
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(blobName, "blobName");
    }
}
