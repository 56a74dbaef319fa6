package dev.custommodels.storage.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The block stream without a network: how it cuts, hashes and reuses blocks, seen from a recording subclass. */
class BlockOutputStreamTest {
    private static final int BLOCK = 256 * 1024;
    private static final ExecutorService POOL = StoreSupport.uploadPool("test");

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void eachBlockCarriesTheMd5OfItsOwnBytes() throws Exception {
        byte[] data = bytes(5 * BLOCK + 777, 1);
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, true);
        for (int off = 0; off < data.length; off += 1000) {
            out.write(data, off, Math.min(1000, data.length - off));
        }
        out.close();

        assertThat(out.committedLength).isEqualTo(data.length);
        assertThat(out.blocks()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            byte[] expected = Arrays.copyOfRange(data, i * BLOCK, Math.min(data.length, (i + 1) * BLOCK));
            assertThat(out.staged.get(i)).as("block %d", i).isEqualTo(expected);
            assertThat(out.md5s.get(i)).as("MD5 of block %d", i).isEqualTo(md5(expected));
            assertThat(out.positions.get(i)).isEqualTo((long) i * BLOCK);
        }
    }

    @Test
    void withLargeBlocksTheFirstBlockIsOneMebibyteSoTheUploadStartsEarly() throws Exception {
        int block = 4 * 1024 * 1024;
        int first = BlockOutputStream.FIRST_BLOCK_LIMIT;
        byte[] data = bytes(first + 2 * block + 100, 10);
        Recorder out = new Recorder(new BlockBuffers(block, 3), 2, true);
        out.write(data, 0, first + 1);
        assertThat(out.awaitFirstBlock()).as("block 0 staged once the first MiB is full").isTrue();
        out.write(data, first + 1, data.length - first - 1);
        out.close();

        assertThat(out.blocks()).hasSize(4);
        assertThat(out.positions).containsEntry(0, 0L).containsEntry(1, (long) first)
                .containsEntry(2, (long) first + block).containsEntry(3, (long) first + 2 * block);
        assertThat(out.staged.get(0)).hasSize(first);
        assertThat(out.staged.get(1)).hasSize(block);
        assertThat(out.staged.get(3)).hasSize(100);
        assertThat(out.assembled()).isEqualTo(data);
        for (int i = 0; i < 4; i++) {
            assertThat(out.md5s.get(i)).as("MD5 of block %d", i).isEqualTo(md5(out.staged.get(i)));
        }
        assertThat(out.distinctBuffers()).as("blocks after the first fill direct buffers").hasSizeBetween(1, 3);
        assertThat(out.heapBlocks.get()).isEqualTo(1);
    }

    @Test
    void singleByteWritesHashLikeArrayWrites() throws Exception {
        byte[] data = bytes(BLOCK + 10, 2);
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, true);
        for (byte b : data) {
            out.write(b);
        }
        out.close();

        assertThat(out.blocks()).hasSize(2);
        assertThat(out.md5s.get(0)).isEqualTo(md5(Arrays.copyOf(data, BLOCK)));
        assertThat(out.md5s.get(1)).isEqualTo(md5(Arrays.copyOfRange(data, BLOCK, data.length)));
    }

    @Test
    void smallObjectIsOneWriteWithItsMd5AndTakesNoBlockBuffer() throws Exception {
        byte[] data = bytes(5_000, 3);
        BlockBuffers buffers = new BlockBuffers(BLOCK, 3);
        Recorder out = new Recorder(buffers, 2, true);
        out.write(data);
        out.close();

        assertThat(out.single).isEqualTo(data);
        assertThat(out.singleMd5).isEqualTo(md5(data));
        assertThat(out.blocks()).isEmpty();
        assertThat(buffers.idleCount()).isZero();
        assertThat(out.etag()).isEqualTo("single");
    }

    @Test
    void withoutChecksumsNoMd5IsComputed() throws Exception {
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, false);
        out.write(bytes(2 * BLOCK + 1, 4));
        out.close();

        assertThat(out.md5s.values()).isEmpty();
        assertThat(out.nullMd5s.get()).isEqualTo(3);
    }

    @Test
    void blockBuffersGoBackToTheStoreAndTheNextWriteReusesThem() throws Exception {
        BlockBuffers buffers = new BlockBuffers(BLOCK, 3);
        Recorder first = new Recorder(buffers, 2, true);
        first.write(bytes(8 * BLOCK, 5));
        first.close();
        assertThat(buffers.idleCount()).as("every buffer the first write took is back").isEqualTo(
                first.distinctBuffers().size());

        Recorder second = new Recorder(buffers, 2, true);
        byte[] data = bytes(8 * BLOCK + 5, 6);
        second.write(data);
        second.close();
        assertThat(second.assembled()).isEqualTo(data);
        assertThat(second.distinctBuffers()).as("the second write reuses the first one's buffers")
                .containsAnyElementsOf(first.distinctBuffers());
        assertThat(buffers.idleCount()).isBetween(1, 3);
    }

    @Test
    void noMoreThanConcurrencyPlusOneBlockBuffersExistWhileUploadsAreSlow() throws Exception {
        BlockBuffers buffers = new BlockBuffers(BLOCK, 3);
        Recorder out = new Recorder(buffers, 2, true);
        byte[] data = bytes(20 * BLOCK + 9, 9);
        out.chainUntil = 20; // blocks 0..20: each upload ends only once the next one has started
        out.write(data);
        out.close();

        assertThat(out.gateTimeouts.get()).as("uploads that waited in vain for the next").isZero();
        assertThat(out.assembled()).isEqualTo(data);
        assertThat(out.distinctBuffers()).as("two in flight and one filling, always the same three").hasSize(3);
        assertThat(buffers.idleCount()).isEqualTo(out.distinctBuffers().size());
    }

    @Test
    void abortGivesTheBufferBackAndStagesNothingMore() throws Exception {
        BlockBuffers buffers = new BlockBuffers(BLOCK, 3);
        Recorder out = new Recorder(buffers, 2, true);
        out.write(bytes(BLOCK + BLOCK / 2, 7));
        out.abort();
        out.close();

        assertThat(out.discarded).isTrue();
        assertThat(out.committedLength).isEqualTo(-1);
        assertThat(buffers.idleCount()).isBetween(1, 3);
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailedBlockFailsTheCloseAndCommitsNothing() throws Exception {
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, true);
        out.failBlock = 1;
        byte[] data = bytes(3 * BLOCK, 8);
        assertThatThrownBy(() -> {
            try (out) {
                out.write(data);
            }
        }).hasMessageContaining("block 1 refused");
        assertThat(out.committedLength).isEqualTo(-1);
        assertThat(out.discarded).isTrue();
    }

    @Test
    void afterAWriteThrowsClosingCommitsNothingEvenOnceTheCauseIsGone() throws Exception {
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, true);
        byte[] data = bytes(3 * BLOCK, 11);
        out.write(data, 0, BLOCK + 10);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> out.write(data, BLOCK + 10, data.length - BLOCK - 10))
                .isInstanceOf(InterruptedIOException.class);
        assertThat(Thread.interrupted()).as("the caller handles the interrupt").isTrue();

        assertThatThrownBy(out::close).isInstanceOf(IOException.class)
                .hasMessageContaining("closing commits nothing").hasCauseInstanceOf(InterruptedIOException.class);
        assertThat(out.committedLength).as("no torn object").isEqualTo(-1);
        assertThat(out.discarded).isTrue();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void abortCleansUpOnlyOnceTheRunningUploadHasEnded() throws Exception {
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, true);
        out.holdBlock = 1;
        out.write(bytes(2 * BLOCK + 5, 13));
        assertThat(out.held.await(10, TimeUnit.SECONDS)).as("block 1 is uploading").isTrue();
        Thread aborting = new Thread(out::abort, "aborting");
        aborting.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (aborting.getState() != Thread.State.WAITING && aborting.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        out.release.countDown();
        aborting.join(10_000);

        assertThat(aborting.isAlive()).isFalse();
        assertThat(out.events).as("the clean-up comes after the upload it could race").endsWith("staged 1", "discard");
        assertThat(out.committedLength).isEqualTo(-1);
    }

    @Test
    void aWriteWithBadArgumentsWritesNothingAndLeavesTheStreamUsable() throws Exception {
        Recorder out = new Recorder(new BlockBuffers(BLOCK, 3), 2, true);
        byte[] data = bytes(BLOCK + 1, 12);
        assertThatThrownBy(() -> out.write(data, 10, data.length)).isInstanceOf(IndexOutOfBoundsException.class);
        out.write(data);
        out.close();

        assertThat(out.assembled()).isEqualTo(data);
        assertThat(out.committedLength).isEqualTo(data.length);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }

    /** Records what the stream hands to a store. */
    private static final class Recorder extends BlockOutputStream {
        final Map<Integer, byte[]> staged = new ConcurrentHashMap<>();
        final Map<Integer, byte[]> md5s = new ConcurrentHashMap<>();
        final Map<Integer, Long> positions = new ConcurrentHashMap<>();
        final List<ByteBuffer> buffersSeen = new CopyOnWriteArrayList<>();
        final AtomicInteger nullMd5s = new AtomicInteger();
        final AtomicInteger heapBlocks = new AtomicInteger();
        final CountDownLatch firstStaged = new CountDownLatch(1);
        volatile int failBlock = -1;
        /** A block whose upload waits for {@link #release} once it has started, as a slow request would. */
        volatile int holdBlock = -1;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> events = new CopyOnWriteArrayList<>();
        /** With a last index, each upload before it waits until the next block's upload has started. */
        volatile int chainUntil = -1;
        final Map<Integer, CountDownLatch> starts = new ConcurrentHashMap<>();
        final AtomicInteger gateTimeouts = new AtomicInteger();
        byte[] single;
        byte[] singleMd5;
        long committedLength = -1;
        boolean discarded;

        Recorder(BlockBuffers buffers, int maxConcurrency, boolean checksums) {
            super("test/object.bin", buffers, maxConcurrency, checksums, POOL);
        }

        @Override
        protected void stageBlock(int index, long position, ByteBuffer data, byte[] contentMd5) {
            if (index == failBlock) {
                throw new IllegalStateException("block " + index + " refused");
            }
            if (index == holdBlock) {
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (data.isDirect()) {
                buffersSeen.add(data);
            } else {
                heapBlocks.incrementAndGet();
            }
            starts.computeIfAbsent(index, i -> new CountDownLatch(1)).countDown();
            if (index < chainUntil) {
                try {
                    if (!starts.computeIfAbsent(index + 1, i -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS)) {
                        gateTimeouts.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] copy = new byte[data.remaining()];
            data.duplicate().get(copy);
            staged.put(index, copy);
            positions.put(index, position);
            firstStaged.countDown();
            events.add("staged " + index);
            if (contentMd5 == null) {
                nullMd5s.incrementAndGet();
            } else {
                md5s.put(index, contentMd5);
            }
        }

        @Override
        protected String commitSingle(ByteBuffer data, byte[] contentMd5) {
            single = new byte[data.remaining()];
            data.duplicate().get(single);
            singleMd5 = contentMd5;
            committedLength = single.length;
            return "single";
        }

        @Override
        protected String commitBlocks(int blockCount, long length) {
            committedLength = length;
            return "blocks";
        }

        @Override
        protected void discard() {
            events.add("discard");
            discarded = true;
        }

        boolean awaitFirstBlock() throws InterruptedException {
            return firstStaged.await(10, TimeUnit.SECONDS);
        }

        List<Integer> blocks() {
            return staged.keySet().stream().sorted().toList();
        }

        byte[] assembled() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            blocks().forEach(i -> all.writeBytes(staged.get(i)));
            return all.toByteArray();
        }

        Set<ByteBuffer> distinctBuffers() {
            Set<ByteBuffer> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            distinct.addAll(buffersSeen);
            return distinct;
        }
    }
}
