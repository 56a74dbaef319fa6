package dev.custommodels.spi.azure;

import dev.custommodels.spi.BlobLocation;
import java.util.Locale;
import java.util.Objects;

/**
 * A workspace datastore as ARM describes it, without its secrets.
 *
 * @param name the datastore name, such as {@code workspaceblobstore}
 * @param datastoreType the type, such as {@code AzureBlob} or {@code AzureDataLakeGen2}
 * @param accountName the storage account name
 * @param containerName the container (or file system) name
 * @param endpoint the storage endpoint suffix, such as {@code core.windows.net}, or a full service URL
 * @param protocol the protocol, {@code https} by default
 */
public record ArmDatastore(String name, String datastoreType, String accountName, String containerName,
        String endpoint, String protocol) {

    /**
     * Checks the parts and applies the documented defaults.
     *
     * @param name the datastore name, such as {@code workspaceblobstore}
     * @param datastoreType the type, such as {@code AzureBlob} or {@code AzureDataLakeGen2}
     * @param accountName the storage account name
     * @param containerName the container (or file system) name
     * @param endpoint the storage endpoint suffix, such as {@code core.windows.net}, or a full service URL
     * @param protocol the protocol, {@code https} by default
     */
    public ArmDatastore {
        Objects.requireNonNull(name, "name");
        datastoreType = datastoreType == null ? "AzureBlob" : datastoreType;
        endpoint = endpoint == null || endpoint.isBlank() ? "core.windows.net" : endpoint;
        protocol = protocol == null || protocol.isBlank() ? "https" : protocol;
    }

    /**
     * Tells whether the datastore is blob storage that a {@link BlobLocation} can describe.
     *
     * @return {@code true} for Azure Blob and ADLS Gen2 datastores with an account and container
     */
    public boolean isBlobStorage() {
        String t = datastoreType.toLowerCase(Locale.ROOT);
        return (t.equals("azureblob") || t.equals("azuredatalakegen2")) && accountName != null
                && containerName != null;
    }

    /**
     * Returns the Blob service endpoint, such as {@code https://sa1.blob.core.windows.net}. An endpoint given as a
     * full URL is used as it is.
     *
     * @return the endpoint without a trailing slash
     */
    public String blobEndpoint() {
        if (endpoint.contains("://")) {
            return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        }
        return protocol + "://" + accountName + ".blob." + endpoint;
    }

    /**
     * Locates a blob of this datastore.
     *
     * @param blobName the blob name inside the container; empty for the container itself
     * @return the location
     * @throws IllegalStateException if the datastore is not blob storage
     */
    public BlobLocation blobLocation(String blobName) {
        if (!isBlobStorage()) {
            throw new IllegalStateException("Datastore '" + name + "' is of type " + datastoreType
                    + " without a storage account and container; only AzureBlob and AzureDataLakeGen2 datastores"
                    + " can be read and written.");
        }
        return new BlobLocation(accountName, blobEndpoint(), containerName, blobName == null ? "" : blobName);
    }
}
