package dev.custommodels.implementation.output;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes, after a commit, the files no retained version references and no live writer can still commit: those
 * of versions dropped by retention, of older attempts of a re-run run id, and of writers that died or lost before
 * committing. A file belongs to an attempt opened against some generation; once generation {@code g} is committed,
 * every attempt opened against an older generation can only ever fail its conditional swap, so its files are
 * garbage. Attempts opened against {@code g} or later belong to writers that may still commit and are kept.
 */
final class VersionCleaner {
    private static final ClientLogger LOGGER = new ClientLogger(VersionCleaner.class);

    private VersionCleaner() {
    }

    static long clean(LakeStore store, String entity, List<VersionEntry> retained, long generation) {
        Set<String> keep = new HashSet<>();
        retained.forEach(v -> keep.add(v.runId() + "/" + v.attempt()));
        long deleted = 0;
        try (Stream<LakeObjectInfo> files = store.list(EntityPaths.versions(entity))) {
            for (LakeObjectInfo f : files.toList()) {
                Optional<String[]> parts = EntityPaths.parse(entity, f.path());
                if (parts.isEmpty() || keep.contains(parts.get()[0] + "/" + parts.get()[1])) {
                    continue;
                }
                long base = EntityPaths.baseGeneration(parts.get()[1]).orElse(Long.MAX_VALUE);
                if (base < generation && store.delete(f.path())) {
                    deleted++;
                }
            }
        } catch (RuntimeException e) {
            LOGGER.warning("Cleaning old versions of output entity {} stopped after {} files: {}. The next commit "
                    + "continues.", entity, deleted, e.getMessage());
        }
        if (deleted > 0) {
            LOGGER.verbose("Removed {} files of dropped or abandoned versions of output entity {}", deleted, entity);
        }
        return deleted;
    }
}
