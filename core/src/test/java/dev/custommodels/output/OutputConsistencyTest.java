package dev.custommodels.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.lake.LocalLakeStore;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers query in a loop while versions are committed, by other threads and by another process; every read
 * must be one whole version: all rows carry one version's marker, none is missing or repeated.
 */
class OutputConsistencyTest {
    private static final String ENTITY = "Live";
    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void readersNeverSeeAMixedOrPartialVersionWhileThreadsCommit() throws Exception {
        LocalLakeStore lake = new LocalLakeStore(dir.resolve("lake"));
        Versions.write(client(lake), ENTITY, 0);
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger conflicts = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            OutputEntityClient own = client(lake);
            writers.add(pool.submit(() -> {
                go.await();
                for (int k = next.getAndIncrement(); k <= 40; k = next.getAndIncrement()) {
                    while (true) {
                        try {
                            Versions.write(own, ENTITY, k);
                            break;
                        } catch (OutputConflictException lost) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<Future<int[]>> readers = startReaders(client(lake), go, writing::get, seen);
        go.countDown();
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        int[] totals = totals(readers);

        System.out.printf("threads: %d reads, %d versions seen, %d retried after retention, %d commit conflicts%n",
                totals[0], seen.size(), totals[1], conflicts.get());
        assertThat(totals[0]).isPositive();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        assertThat(client(lake).listVersions(ENTITY)).hasSize(3);
        Versions.assertWholeVersion(client(lake).query(ENTITY, (String) null).stream().toList());
    }

    @Test
    void readersNeverSeeAMixedOrPartialVersionWhileAnotherProcessCommits() throws Exception {
        Path lakeDir = dir.resolve("lake");
        LocalLakeStore lake = new LocalLakeStore(lakeDir);
        Versions.write(client(lake), ENTITY, 0);
        Path errors = dir.resolve("child-errors.txt");
        Process child = ChildProcesses.start(errors, "commit-loop", lakeDir.toString(), ENTITY, "1", "40");
        try {
            BufferedReader out = ChildProcesses.lines(child);
            AtomicBoolean running = new AtomicBoolean(true);
            Future<?> watcher = pool.submit(() -> {
                ChildProcesses.awaitLine(out, "DONE", errors);
                running.set(false);
                return null;
            });
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            List<Future<int[]>> readers = startReaders(client(lake), new CountDownLatch(0), running::get, seen);
            watcher.get(180, TimeUnit.SECONDS);
            int[] totals = totals(readers);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();

            System.out.printf("process: %d reads, %d versions seen, %d retried after retention%n", totals[0],
                    seen.size(), totals[1]);
            assertThat(totals[0]).isPositive();
            assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Versions.assertWholeVersion(client(lake).query(ENTITY, (String) null).stream().toList()))
                    .isEqualTo(40);
        } finally {
            child.destroyForcibly();
        }
    }

    private List<Future<int[]>> startReaders(OutputEntityClient client, CountDownLatch go, BooleanSupplier running,
            Set<Integer> seen) {
        List<Future<int[]>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> {
                go.await();
                int reads = 0;
                int gone = 0;
                while (running.getAsBoolean() || reads < 5) {
                    try {
                        List<OutputRow> rows = client.query(ENTITY, new OutputQueryOptions().setPageSize(37))
                                .stream().toList();
                        seen.add(Versions.assertWholeVersion(rows));
                        List<OutputRow> one = client.query(ENTITY, "CustomerId eq 'c-7'").stream().toList();
                        assertThat(one).hasSize(1);
                        assertThat(one.get(0).getLong("Seq")).isEqualTo(7L);
                        reads++;
                    } catch (OutputEntityNotFoundException droppedWhilePaging) {
                        gone++;
                    }
                }
                return new int[] {reads, gone};
            }));
        }
        return readers;
    }

    private static int[] totals(List<Future<int[]>> readers) throws Exception {
        int[] totals = new int[2];
        for (Future<int[]> f : readers) {
            int[] r = f.get(120, TimeUnit.SECONDS);
            totals[0] += r[0];
            totals[1] += r[1];
        }
        return totals;
    }

    private static OutputEntityClient client(LocalLakeStore lake) {
        return new OutputEntityClientBuilder().lakeStore(lake).targetRowsPerPartition(60).buildClient();
    }
}
