package dev.custommodels.testkit.emulator.arm;

import dev.custommodels.spi.LakeStore;
import java.util.Objects;

/**
 * A workspace datastore the ARM emulator serves, backed by a lake store that stands for its container.
 *
 * @param workspaceId the workspace's resource id
 * @param name the datastore name
 * @param accountName the storage account name it reports
 * @param containerName the container name it reports
 * @param store the store holding the container's blobs
 */
public record EmulatedDatastore(String workspaceId, String name, String accountName, String containerName,
        LakeStore store) {

    /**
     * Checks the parts.
     *
     * @param workspaceId the workspace's resource id
     * @param name the datastore name
     * @param accountName the storage account name it reports
     * @param containerName the container name it reports
     * @param store the store holding the container's blobs
     */
    public EmulatedDatastore {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(store, "store");
    }
}
