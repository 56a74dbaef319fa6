package dev.custommodels.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.WriteCondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another writer may delete an object the moment it is in place, as an output entity's cleaner deletes the files
 * of an attempt that can no longer commit: the write that put it there still completes, with its own ETag.
 */
class LocalLakeStoreConcurrentDeleteTest {
    private static final int WRITES = 3_000;

    @TempDir
    Path dir;

    @Test
    void writeWhoseObjectIsDeletedAtOnceStillCompletesWithItsEtag() throws Exception {
        LocalLakeStore store = new LocalLakeStore(dir);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> deleter = pool.submit(() -> {
                int deleted = 0;
                while (writing.get()) {
                    if (store.delete("v/part.csv")) {
                        deleted++;
                    }
                }
                return deleted;
            });
            int checked = 0;
            for (int i = 0; i < WRITES; i++) {
                byte[] data = ("row " + i + "\n").getBytes(StandardCharsets.UTF_8);
                LakeOutputStream out = store.openWrite("v/part.csv", WriteCondition.none());
                out.write(data);
                out.close();
                String etag = out.etag();
                Optional<LakeObjectInfo> now = store.stat("v/part.csv");
                if (now.isPresent()) { // only this thread writes: a present object is the one just written
                    assertThat(now.get().etag()).as("write %d", i).isEqualTo(etag);
                    checked++;
                }
            }
            writing.set(false);
            int deleted = deleter.get(30, TimeUnit.SECONDS);
            System.out.printf("%d writes, %d deleted under them, %d ETags compared%n", WRITES, deleted, checked);
            assertThat(deleted).isPositive();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }
}
