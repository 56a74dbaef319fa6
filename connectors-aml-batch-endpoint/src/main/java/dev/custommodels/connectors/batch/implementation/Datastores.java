package dev.custommodels.connectors.batch.implementation;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.azure.ArmDatastore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Resolves workspace datastores to stores: ARM gives the account and container, the context the store. */
final class Datastores {
    private final ConnectorContext context;
    private final Map<String, LakeStore> cache = new ConcurrentHashMap<>();

    Datastores(ConnectorContext context) {
        this.context = context;
    }

    LakeStore store(BatchArm arm, String tenantId, String workspaceId, String datastore) {
        String key = (tenantId + "|" + workspaceId + "|" + datastore).toLowerCase(Locale.ROOT);
        LakeStore cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        ArmDatastore ds = arm.arm().getDatastore(workspaceId, datastore);
        if (!ds.isBlobStorage()) {
            throw new CustomModelsException("Datastore '" + datastore + "' of workspace '" + workspaceId
                    + "' is of type " + ds.datastoreType() + "; batch endpoints read and write blob datastores"
                    + " only. Choose a blob datastore with the option amlBatchEndpoint.datastore.");
        }
        LakeStore store = context.datastore(ds.blobLocation(""), tenantId);
        cache.put(key, store);
        return store;
    }
}
