package dev.custommodels.storage.implementation;

import com.azure.core.exception.AzureException;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.LakeOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lake output stream that cuts what is written into blocks and uploads them in parallel as the stream fills,
 * then commits them on close. At most {@code maxConcurrency} blocks are in flight and at most
 * {@code maxConcurrency + 1} block buffers are held, so memory stays bounded whatever the object's size.
 *
 * <p>The first block is a heap array that starts small and grows to {@value #FIRST_BLOCK_LIMIT} bytes (or the block
 * size, if smaller): an object that fits is written in one request, and a larger one starts uploading as soon as
 * that much is written. Every later block fills one of the store's direct buffers ({@link BlockBuffers}) of the
 * block size, which the HTTP client sends without copying.
 *
 * <p>With checksums on, each block's MD5 is computed from the caller's bytes as they are written, while they are
 * still in the cache and while earlier blocks upload, so a full block goes on the wire as soon as it is handed over.
 *
 * <p>Once a write has thrown, closing commits nothing. {@link #abort()}, and a close that fails, skip the blocks
 * not yet sent and wait for the requests already running before they clean up, so that no late request brings back
 * what the clean-up removed. A thread that is interrupted does not wait: its clean-up runs when the last of those
 * requests ends.
 */
public abstract class BlockOutputStream extends LakeOutputStream {
    private static final ClientLogger LOGGER = new ClientLogger(BlockOutputStream.class);
    private static final int FIRST_BUFFER = 64 * 1024;
    /** The largest first block: an object up to this size is one request, a larger one starts uploading here. */
    static final int FIRST_BLOCK_LIMIT = 1024 * 1024;

    /** The lake path, for messages. */
    protected final String path;
    private final BlockBuffers buffers;
    private final int blockSize;
    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final List<CompletableFuture<Void>> uploads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MessageDigest digest;
    private ByteBuffer buffer;
    private int blocks;
    private long offset;
    private boolean done;
    private String etag;
    /** What made a write throw; the stream is then broken, and closing it commits nothing. */
    private Throwable writeFailure;
    /** Set on abort or failure: blocks whose upload has not started yet are skipped. */
    private volatile boolean abandoned;

    /**
     * Creates the stream.
     *
     * @param path the lake path
     * @param buffers the store's block buffers, which fix the block size
     * @param maxConcurrency how many blocks may upload at once
     * @param checksums whether to compute each block's MD5 for the service to check
     * @param executor runs block uploads
     */
    protected BlockOutputStream(String path, BlockBuffers buffers, int maxConcurrency, boolean checksums,
            ExecutorService executor) {
        this.path = path;
        this.buffers = buffers;
        this.blockSize = buffers.blockSize();
        this.executor = executor;
        this.inFlight = new Semaphore(maxConcurrency);
        this.digest = checksums ? StoreSupport.newMd5() : null;
        this.buffer = ByteBuffer.allocate(Math.min(FIRST_BUFFER, blockSize));
    }

    /**
     * Uploads one block; runs on a pool thread, possibly alongside other blocks of this stream.
     *
     * @param index the block's index, from 0
     * @param position the block's first byte in the object
     * @param data the block's bytes
     * @param contentMd5 the block's MD5 to send as its transactional checksum, or {@code null} without checksums
     */
    protected abstract void stageBlock(int index, long position, ByteBuffer data, byte[] contentMd5);

    /**
     * Writes an object that fits in the first block, whole, honouring the write's condition.
     *
     * @param data the object's bytes
     * @param contentMd5 their MD5 to send as the transactional checksum, or {@code null} without checksums
     * @return the new ETag
     */
    protected abstract String commitSingle(ByteBuffer data, byte[] contentMd5);

    /**
     * Commits the staged blocks as the object, honouring the write's condition.
     *
     * @param blockCount how many blocks were staged, indexes {@code 0..blockCount-1}
     * @param length the object's length
     * @return the new ETag
     */
    protected abstract String commitBlocks(int blockCount, long length);

    /** Cleans up after an abort or a failure (such as deleting a temporary file); never throws. */
    protected abstract void discard();

    @Override
    public void write(int b) throws IOException {
        ensureWritable();
        try {
            if (!buffer.hasRemaining()) {
                makeRoom();
            }
        } catch (IOException | RuntimeException | Error e) {
            writeFailure = e;
            throw e;
        }
        buffer.put((byte) b);
        if (digest != null) {
            digest.update((byte) b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureWritable();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        try {
            while (len > 0) {
                if (!buffer.hasRemaining()) {
                    makeRoom();
                }
                int n = Math.min(len, buffer.remaining());
                if (digest != null) {
                    digest.update(b, off, n);
                }
                buffer.put(b, off, n);
                off += n;
                len -= n;
            }
        } catch (IOException | RuntimeException | Error e) {
            writeFailure = e; // part of b may be in a block: committing now would store a torn object
            throw e;
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        releaseCurrent();
        abandon();
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        if (writeFailure != null) {
            releaseCurrent();
            abandon();
            throw new IOException("A write to lake path '" + path + "' failed (" + writeFailure.getClass()
                    .getSimpleName() + ": " + writeFailure.getMessage() + "), so closing commits nothing; the object"
                    + " at the path stays as it was. Write it again.", writeFailure);
        }
        try {
            if (blocks == 0) {
                etag = commitSingle(buffer.flip(), blockDigest());
            } else {
                if (buffer.position() > 0) {
                    stageCurrent(false);
                }
                awaitUploads();
                etag = commitBlocks(blocks, offset);
            }
        } catch (IOException | AzureException e) {
            abandon();
            throw e;
        } catch (RuntimeException e) {
            abandon();
            throw LOGGER.logExceptionAsWarning(new CustomModelsException("Writing lake path '" + path + "' failed"
                    + " before the service answered (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Check the endpoint and the network. Nothing was committed.", e));
        } finally {
            releaseCurrent(); // the one being filled; blocks in flight give theirs back themselves
        }
    }

    @Override
    public String etag() {
        if (etag == null) {
            throw new IllegalStateException("The write of lake path '" + path + "' was not committed.");
        }
        return etag;
    }

    private void ensureWritable() throws IOException {
        if (done) {
            throw new IOException("The write of lake path '" + path + "' is already closed or aborted.");
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IOException("Uploading a block of lake path '" + path + "' failed: " + failed.getMessage(),
                    failed);
        }
    }

    private void makeRoom() throws IOException {
        int firstBlock = Math.min(FIRST_BLOCK_LIMIT, blockSize);
        if (blocks == 0 && buffer.capacity() < firstBlock) {
            buffer = ByteBuffer.allocate(Math.min(buffer.capacity() * 2, firstBlock)).put(buffer.flip());
            return;
        }
        stageCurrent(true);
    }

    /** Hands the buffer being filled to an upload; with {@code more}, takes the next one to fill. */
    private void stageCurrent(boolean more) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while uploading lake path '" + path + "'.");
        }
        ensureNoFailure();
        ByteBuffer full = buffer.flip();
        byte[] md5 = blockDigest();
        int index = blocks++;
        long position = offset;
        offset += full.remaining();
        buffer = more ? buffers.acquire() : null;
        uploads.add(CompletableFuture.runAsync(() -> {
            try {
                if (!abandoned) {
                    stageBlock(index, position, full, md5);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                throw e;
            } finally {
                buffers.release(full);
                inFlight.release();
            }
        }, executor));
    }

    private void releaseCurrent() {
        if (buffer != null) {
            buffers.release(buffer);
            buffer = null;
        }
    }

    /**
     * Gives up the write: blocks whose upload has not started are skipped, running uploads end their request, and
     * {@link #discard()} runs once none is left, so that no upload can bring back what it removes (such as the
     * temporary file). Waits for that, unless the thread is interrupted: then the clean-up runs when the last
     * upload ends.
     */
    private void abandon() {
        abandoned = true;
        CompletableFuture<Void> cleanUp = CompletableFuture.allOf(uploads.toArray(new CompletableFuture<?>[0]))
                .handle((ignored, failed) -> {
                    discard();
                    return null;
                });
        try {
            cleanUp.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOGGER.verbose("Interrupted while giving up the write of {}; its clean-up runs when its uploads end",
                    path);
        } catch (ExecutionException e) {
            LOGGER.verbose("Cleaning up the write of {} failed: {}", path, e.getCause().getMessage());
        }
    }

    private byte[] blockDigest() {
        return digest == null ? null : digest.digest();
    }

    private void ensureNoFailure() throws IOException {
        Throwable failed = failure.get();
        if (failed != null) {
            inFlight.release();
            throw new IOException("Uploading a block of lake path '" + path + "' failed: " + failed.getMessage(),
                    failed);
        }
    }

    private void awaitUploads() throws IOException {
        for (CompletableFuture<Void> upload : uploads) {
            try {
                upload.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while uploading lake path '" + path + "'.");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException("Uploading a block of lake path '" + path + "' failed.", cause);
            }
        }
        LOGGER.verbose("Staged {} blocks ({} bytes) of lake path {}", blocks, offset, path);
    }
}
