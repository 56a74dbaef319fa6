package dev.custommodels.implementation.output;

import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.output.OutputEntityNotFoundException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Resolves what readers read, with caches that stay correct across commits.
 *
 * <p>The entity's model.json is cached by ETag: each resolution stats it (one cheap call) and re-reads only when
 * the ETag moved. Version manifests and partition indexes are cached by lake path; those paths carry the writer
 * attempt, and the files behind them never change once committed, so a cached copy is never stale. The index
 * cache is a least-recently-used map bounded by total index entries.
 */
public final class EntityReader {
    private static final int VERSION_CACHE_SIZE = 256;

    private final LakeStore store;
    private final Map<String, Snapshot> manifests = new ConcurrentHashMap<>();
    private final Lru<VersionManifest> versions;
    private final Lru<PartitionIndex> indexes;

    /**
     * A resolved model.json.
     *
     * @param manifest the decoded manifest
     * @param etag the ETag of the bytes it was decoded from
     */
    public record Snapshot(EntityManifest manifest, String etag) {
    }

    /**
     * Creates a reader.
     *
     * @param store the lake
     * @param indexCacheEntries the most index entries to keep in memory
     */
    public EntityReader(LakeStore store, long indexCacheEntries) {
        this.store = store;
        this.versions = new Lru<>(VERSION_CACHE_SIZE);
        this.indexes = new Lru<>(indexCacheEntries);
    }

    /**
     * Returns the lake.
     *
     * @return the store
     */
    public LakeStore store() {
        return store;
    }

    /**
     * Resolves the entity's current model.json.
     *
     * @param entity the entity
     * @return the snapshot, or empty when the entity does not exist
     */
    public Optional<Snapshot> current(String entity) {
        String path = EntityPaths.manifest(entity);
        Optional<LakeObjectInfo> info = store.stat(path);
        if (info.isEmpty()) {
            manifests.remove(entity);
            return Optional.empty();
        }
        Snapshot cached = manifests.get(entity);
        if (cached != null && cached.etag().equals(info.get().etag())) {
            return Optional.of(cached);
        }
        Optional<ConsistentRead> read = ConsistentRead.read(store, path);
        if (read.isEmpty()) {
            manifests.remove(entity);
            return Optional.empty();
        }
        Snapshot fresh = new Snapshot(ManifestCodec.decodeEntity(read.get().bytes(), path), read.get().etag());
        manifests.put(entity, fresh);
        versions.put(fresh.manifest().current().manifestPath(), fresh.manifest().current(), 1);
        return Optional.of(fresh);
    }

    /**
     * Resolves the entity's current model.json or fails.
     *
     * @param entity the entity
     * @return the snapshot
     * @throws OutputEntityNotFoundException naming the entities that exist
     */
    public Snapshot require(String entity) {
        return current(entity).orElseThrow(() -> new OutputEntityNotFoundException(entity, null, "There is no "
                + "output entity '" + entity + "' in " + store.describe() + ". Output entities there: "
                + entityNames() + ". An output entity appears when the first run writing it commits."));
    }

    /**
     * Returns a version of the entity.
     *
     * @param snapshot the resolved model.json
     * @param runId the run, or {@code null} for the current version
     * @return the version
     * @throws OutputEntityNotFoundException if the run's version is not retained
     */
    public VersionManifest version(Snapshot snapshot, String runId) {
        EntityManifest m = snapshot.manifest();
        if (runId == null || runId.equals(m.current().runId())) {
            return m.current();
        }
        VersionEntry entry = m.version(runId).orElseThrow(() -> new OutputEntityNotFoundException(
                m.current().entityName(), runId, "Output entity '" + m.current().entityName() + "' has no version "
                + "of run '" + runId + "'. Retained versions, newest first: " + m.versions().stream()
                .map(VersionEntry::runId).toList() + ". Older versions are deleted once newer ones are committed; "
                + "raise the retained version count to keep more."));
        return version(entry);
    }

    /**
     * Reads a version's own manifest, cached by path.
     *
     * @param entry the version's entry
     * @return the version
     * @throws OutputEntityNotFoundException if its files were deleted
     */
    public VersionManifest version(VersionEntry entry) {
        VersionManifest cached = versions.get(entry.manifestPath());
        if (cached != null) {
            return cached;
        }
        try {
            VersionManifest v = ManifestCodec.decodeVersion(store.readAll(entry.manifestPath()),
                    entry.manifestPath());
            versions.put(entry.manifestPath(), v, 1);
            return v;
        } catch (LakeObjectNotFoundException e) {
            throw new OutputEntityNotFoundException(null, entry.runId(), "The version of run '" + entry.runId()
                    + "' was deleted (a newer commit dropped it from the retained versions); read a newer one.");
        }
    }

    /**
     * Returns a partition's index, cached by path.
     *
     * @param partition the partition
     * @return the index
     * @throws CorruptStateException if the index file is damaged
     */
    public PartitionIndex index(PartitionInfo partition) {
        PartitionIndex cached = indexes.get(partition.indexPath());
        if (cached != null) {
            return cached;
        }
        PartitionIndex index = PartitionIndex.decode(store.readAll(partition.indexPath()), partition.indexPath());
        if (index.dataLength() != partition.bytes()) {
            throw new CorruptStateException(partition.indexPath(), "it indexes " + index.dataLength() + " bytes "
                    + "but the partition has " + partition.bytes(), null);
        }
        indexes.put(partition.indexPath(), index, Math.max(1, index.entryCount()));
        return index;
    }

    /**
     * Lists the output entities of the lake, for messages.
     *
     * @return up to 20 names
     */
    public List<String> entityNames() {
        try (Stream<LakeObjectInfo> files = store.list("entities/")) {
            return files.map(LakeObjectInfo::path)
                    .filter(p -> p.endsWith("/model.json") && p.chars().filter(c -> c == '/').count() == 2)
                    .map(p -> p.substring("entities/".length(), p.length() - "/model.json".length()))
                    .limit(20).toList();
        }
    }

    /** Drops what is cached for an entity, after it is deleted. */
    void forget(String entity) {
        manifests.remove(entity);
    }

    /** A least-recently-used map bounded by total weight. */
    private static final class Lru<V> {
        private final long capacity;
        private final LinkedHashMap<String, Object[]> map = new LinkedHashMap<>(16, 0.75f, true);
        private long weight;

        Lru(long capacity) {
            this.capacity = capacity;
        }

        @SuppressWarnings("unchecked")
        synchronized V get(String key) {
            Object[] e = map.get(key);
            return e == null ? null : (V) e[0];
        }

        synchronized void put(String key, V value, long w) {
            if (w > capacity) {
                return;
            }
            Object[] old = map.put(key, new Object[] {value, w});
            if (old != null) {
                weight -= (Long) old[1];
            }
            weight += w;
            var it = map.entrySet().iterator();
            while (weight > capacity && it.hasNext()) {
                var eldest = it.next();
                weight -= (Long) eldest.getValue()[1];
                it.remove();
            }
        }
    }
}
