package dev.custommodels.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.spi.WriteCondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stores over one directory in one JVM, as several clients of one host would have. */
class LocalLakeStoreSharingTest {
    @TempDir
    Path dir;

    @Test
    void conditionalWritesOfTwoStoresOverOneDirectoryTakeTurns() throws Exception {
        int writers = 8;
        List<LocalLakeStore> stores = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            stores.add(new LocalLakeStore(dir));
        }
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (LocalLakeStore store : stores) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        store.write("x/once.txt", "hello".getBytes(StandardCharsets.UTF_8),
                                WriteCondition.ifNotExists());
                        return true;
                    } catch (LakeConditionFailedException e) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
