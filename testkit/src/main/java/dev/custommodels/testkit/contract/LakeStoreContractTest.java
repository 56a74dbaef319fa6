package dev.custommodels.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LakeStore} passes. Subclass it, return a store over an empty root from
 * {@link #createStore()}, and run it.
 */
public abstract class LakeStoreContractTest {

    /** The store under test, fresh for each test. */
    protected LakeStore store;

    /** For subclasses. */
    protected LakeStoreContractTest() {
    }

    /**
     * Creates a store over an empty root, or one whose content the test may overwrite and list under a unique
     * prefix.
     *
     * @return the store
     * @throws Exception when the store cannot be created
     */
    protected abstract LakeStore createStore() throws Exception;

    /**
     * Sets up the store.
     *
     * @throws Exception when the store cannot be created
     */
    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        try (InputStream in = store.openRead(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writtenObjectReadsBackWithSizeAndEtag() throws IOException {
        String etag = store.write("a/b/c.txt", utf8("hello"), WriteCondition.none());
        assertThat(read("a/b/c.txt")).isEqualTo("hello");
        LakeObjectInfo info = store.stat("a/b/c.txt").orElseThrow();
        assertThat(info.size()).isEqualTo(5);
        assertThat(info.etag()).isEqualTo(etag);
        assertThat(info.path()).isEqualTo("a/b/c.txt");
    }

    @Test
    void readingMissingObjectThrowsNotFoundNamingPath() {
        assertThatThrownBy(() -> store.openRead("missing/x.json"))
                .isInstanceOf(LakeObjectNotFoundException.class)
                .hasMessageContaining("missing/x.json");
        assertThat(store.stat("missing/x.json")).isEmpty();
    }

    @Test
    void overwriteReplacesContentAndChangesEtag() {
        String first = store.write("x.txt", utf8("one"), WriteCondition.none());
        String second = store.write("x.txt", utf8("two!"), WriteCondition.none());
        assertThat(second).isNotEqualTo(first);
        assertThat(new String(store.readAll("x.txt"), StandardCharsets.UTF_8)).isEqualTo("two!");
    }

    @Test
    void createOnlyWriteFailsWhenObjectExistsAndLeavesItUnchanged() {
        store.write("once.json", utf8("first"), WriteCondition.ifNotExists());
        assertThatThrownBy(() -> store.write("once.json", utf8("second"), WriteCondition.ifNotExists()))
                .isInstanceOf(LakeConditionFailedException.class)
                .hasMessageContaining("once.json");
        assertThat(new String(store.readAll("once.json"), StandardCharsets.UTF_8)).isEqualTo("first");
    }

    @Test
    void ifMatchWriteSucceedsOnCurrentEtagAndFailsOnStaleOne() {
        String v1 = store.write("m.json", utf8("v1"), WriteCondition.none());
        String v2 = store.write("m.json", utf8("v2"), WriteCondition.ifMatch(v1));
        assertThatThrownBy(() -> store.write("m.json", utf8("v3"), WriteCondition.ifMatch(v1)))
                .isInstanceOf(LakeConditionFailedException.class);
        assertThat(new String(store.readAll("m.json"), StandardCharsets.UTF_8)).isEqualTo("v2");
        assertThat(store.stat("m.json").orElseThrow().etag()).isEqualTo(v2);
    }

    @Test
    void ifMatchWriteOnMissingObjectFails() {
        assertThatThrownBy(() -> store.write("nothing.json", utf8("x"), WriteCondition.ifMatch("\"abc\"")))
                .isInstanceOf(LakeConditionFailedException.class);
        assertThat(store.stat("nothing.json")).isEmpty();
    }

    @Test
    void abortedWriteLeavesNoObject() throws IOException {
        LakeOutputStream out = store.openWrite("aborted/file.csv", WriteCondition.none());
        out.write(utf8("partial"));
        out.abort();
        out.close();
        assertThat(store.stat("aborted/file.csv")).isEmpty();
        try (Stream<LakeObjectInfo> s = store.list("aborted/")) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void writesAfterCloseOrAbortAreRefusedAndChangeNothing() throws IOException {
        LakeOutputStream closed = store.openWrite("done/closed.txt", WriteCondition.none());
        closed.write(utf8("kept"));
        closed.close();
        assertThatThrownBy(() -> closed.write(utf8(" and more"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> closed.write('x')).isInstanceOf(IOException.class);
        closed.close();
        assertThat(new String(store.readAll("done/closed.txt"), StandardCharsets.UTF_8)).isEqualTo("kept");

        LakeOutputStream aborted = store.openWrite("done/aborted.txt", WriteCondition.none());
        aborted.write(utf8("dropped"));
        aborted.abort();
        assertThatThrownBy(() -> aborted.write(utf8("again"))).isInstanceOf(IOException.class);
        aborted.close();
        assertThat(store.stat("done/aborted.txt")).isEmpty();
    }

    @Test
    void objectIsInvisibleUntilStreamCloses() throws IOException {
        store.write("swap.txt", utf8("old"), WriteCondition.none());
        LakeOutputStream out = store.openWrite("swap.txt", WriteCondition.none());
        out.write(utf8("new content"));
        out.flush();
        assertThat(new String(store.readAll("swap.txt"), StandardCharsets.UTF_8)).isEqualTo("old");
        out.close();
        assertThat(new String(store.readAll("swap.txt"), StandardCharsets.UTF_8)).isEqualTo("new content");
        assertThat(out.etag()).isEqualTo(store.stat("swap.txt").orElseThrow().etag());
    }

    @Test
    void largeObjectStreamsInAndOut() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        new Random(7).nextBytes(chunk);
        int chunks = 80; // 5 MiB
        try (LakeOutputStream out = store.openWrite("big/blob.bin", WriteCondition.none())) {
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
            }
        }
        assertThat(store.stat("big/blob.bin").orElseThrow().size()).isEqualTo((long) chunk.length * chunks);
        try (InputStream in = store.openRead("big/blob.bin")) {
            byte[] back = new byte[chunk.length];
            for (int i = 0; i < chunks; i++) {
                assertThat(in.readNBytes(back, 0, back.length)).isEqualTo(back.length);
                assertThat(back).isEqualTo(chunk);
            }
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void listReturnsObjectsUnderPrefixInOrderAtAnyDepth() {
        store.write("l/b.txt", utf8("b"), WriteCondition.none());
        store.write("l/a.txt", utf8("a"), WriteCondition.none());
        store.write("l/sub/c.txt", utf8("c"), WriteCondition.none());
        store.write("lx/other.txt", utf8("o"), WriteCondition.none());
        try (Stream<LakeObjectInfo> s = store.list("l/")) {
            assertThat(s.map(LakeObjectInfo::path)).containsExactly("l/a.txt", "l/b.txt", "l/sub/c.txt");
        }
        try (Stream<LakeObjectInfo> s = store.list("l")) {
            assertThat(s.map(LakeObjectInfo::path))
                    .containsExactly("l/a.txt", "l/b.txt", "l/sub/c.txt", "lx/other.txt");
        }
        try (Stream<LakeObjectInfo> s = store.list("nothing/")) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void deleteRemovesObjectAndReportsWhetherOneExisted() {
        store.write("d/x.txt", utf8("x"), WriteCondition.none());
        assertThat(store.delete("d/x.txt")).isTrue();
        assertThat(store.delete("d/x.txt")).isFalse();
        assertThat(store.stat("d/x.txt")).isEmpty();
    }

    @Test
    void conditionalDeleteHonoursEtag() {
        String v1 = store.write("cd.json", utf8("1"), WriteCondition.none());
        String v2 = store.write("cd.json", utf8("2"), WriteCondition.none());
        assertThatThrownBy(() -> store.delete("cd.json", WriteCondition.ifMatch(v1)))
                .isInstanceOf(LakeConditionFailedException.class);
        assertThat(store.delete("cd.json", WriteCondition.ifMatch(v2))).isTrue();
        assertThat(store.stat("cd.json")).isEmpty();
    }

    @Test
    void deletePrefixRemovesEverythingUnderIt() {
        store.write("p/1.txt", utf8("1"), WriteCondition.none());
        store.write("p/q/2.txt", utf8("2"), WriteCondition.none());
        store.write("keep/3.txt", utf8("3"), WriteCondition.none());
        assertThat(store.deletePrefix("p/")).isEqualTo(2);
        try (Stream<LakeObjectInfo> s = store.list("")) {
            assertThat(s.map(LakeObjectInfo::path)).contains("keep/3.txt").noneMatch(p -> p.startsWith("p/"));
        }
    }

    @Test
    void invalidPathsAreRejectedNamingThePath() {
        for (String bad : List.of("../escape", "/absolute", "a//b", "a/./b", "a/../b", "tab\there", "", "a\\b")) {
            assertThatThrownBy(() -> store.openWrite(bad, WriteCondition.none()))
                    .as("path %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.stat("x/../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x/../../etc/passwd");
    }

    @Test
    void concurrentCreateOnlyWritesHaveExactlyOneWinner() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int id = i;
                Callable<Boolean> task = () -> {
                    start.await();
                    try {
                        store.write("race/lease.json", utf8("writer " + id), WriteCondition.ifNotExists());
                        return true;
                    } catch (LakeConditionFailedException e) {
                        return false;
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentIfMatchUpdatesLoseNoUpdate() throws Exception {
        String initial = store.write("counter.txt", utf8("0"), WriteCondition.none());
        assertThat(initial).isNotBlank();
        int threads = 4;
        int incrementsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int conflicts = 0;
                    for (int done = 0; done < incrementsEach;) {
                        LakeObjectInfo info = store.stat("counter.txt").orElseThrow();
                        int value = Integer.parseInt(new String(store.readAll("counter.txt"), StandardCharsets.UTF_8));
                        try {
                            store.write("counter.txt", utf8(Integer.toString(value + 1)),
                                    WriteCondition.ifMatch(info.etag()));
                            done++;
                        } catch (LakeConditionFailedException e) {
                            conflicts++;
                        }
                    }
                    return conflicts;
                }));
            }
            for (Future<Integer> f : results) {
                f.get(120, TimeUnit.SECONDS);
            }
            int value = Integer.parseInt(new String(store.readAll("counter.txt"), StandardCharsets.UTF_8));
            assertThat(value).isEqualTo(threads * incrementsEach);
        } finally {
            pool.shutdownNow();
        }
    }
}
