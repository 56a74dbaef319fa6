package dev.custommodels;

import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeStore;

/**
 * Opens the storage container of a backend's datastore (where a pipeline or batch job reads its input or writes
 * its output) as a {@link LakeStore}. Given to {@link CustomModelsClientBuilder#datastoreResolver(DatastoreResolver)};
 * the storage-datalake module offers implementations.
 */
@FunctionalInterface
public interface DatastoreResolver {

    /**
     * Opens a container.
     *
     * @param location the account, endpoint and container; the blob name is not used
     * @param tenantId the tenant whose credential reaches the account
     * @return a store rooted at the container
     */
    LakeStore resolve(BlobLocation location, String tenantId);
}
