package dev.custommodels.benchmarks;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A file cut into blocks held in direct memory, each with its MD5 computed beforehand, and staged by the SDK with
 * those MD5s (Put Block with Content-MD5, then Put Block List). Such an upload sends what a lake store sends but
 * spends no CPU on hashing or copying while it runs: the reference that tells the cost of the protocol from the
 * cost of the work a streaming store must do itself.
 */
final class PrehashedBlocks {
    private final List<ByteBuffer> blocks = new ArrayList<>();
    private final List<byte[]> md5s = new ArrayList<>();

    private PrehashedBlocks() {
    }

    /**
     * Reads a file into blocks and hashes each.
     *
     * @param file the file
     * @param blockSize the block size
     * @return the blocks
     * @throws IOException when the file cannot be read
     */
    static PrehashedBlocks of(Path file, int blockSize) throws IOException {
        PrehashedBlocks result = new PrehashedBlocks();
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            for (long position = 0; position < size; position += blockSize) {
                ByteBuffer block = ByteBuffer.allocateDirect((int) Math.min(blockSize, size - position));
                while (block.hasRemaining()) {
                    if (channel.read(block, position + block.position()) < 0) {
                        throw new IOException(file + " ended early");
                    }
                }
                block.flip();
                MessageDigest md5 = md5();
                md5.update(block.duplicate());
                result.blocks.add(block);
                result.md5s.add(md5.digest());
            }
        }
        return result;
    }

    /**
     * Stages every block, {@code concurrency} at once, and commits them.
     *
     * @param blob the blob
     * @param concurrency blocks in flight
     * @throws IOException when the upload is interrupted or fails
     */
    void upload(BlockBlobClient blob, int concurrency) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(concurrency);
        try {
            List<String> ids = new ArrayList<>();
            List<Future<?>> staged = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                String id = Base64.getEncoder().encodeToString(String.format("block-%08d", i)
                        .getBytes(StandardCharsets.US_ASCII));
                ids.add(id);
                BlockBlobStageBlockOptions options = new BlockBlobStageBlockOptions(id,
                        BinaryData.fromByteBuffer(blocks.get(i).duplicate())).setContentMd5(md5s.get(i));
                staged.add(executor.submit(() -> blob.stageBlockWithResponse(options, null, Context.NONE)));
            }
            for (Future<?> future : staged) {
                future.get();
            }
            blob.commitBlockList(ids, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while staging blocks");
        } catch (ExecutionException e) {
            throw new IOException("Staging a block failed", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no MD5", e);
        }
    }
}
