package dev.custommodels.storage.implementation;

import com.azure.core.exception.AzureException;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.LakeOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lake output stream that cuts what is written into blocks and uploads them in parallel as the stream fills,
 * then commits them on close. At most {@code maxConcurrency} blocks are in flight and at most
 * {@code maxConcurrency + 1} block buffers exist, so memory stays bounded whatever the object's size. The first
 * buffer starts small and grows to the block size, so small objects cost little.
 */
public abstract class BlockOutputStream extends LakeOutputStream {
    private static final ClientLogger LOGGER = new ClientLogger(BlockOutputStream.class);
    private static final int FIRST_BUFFER = 64 * 1024;

    /** The lake path, for messages. */
    protected final String path;
    private final int blockSize;
    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final Deque<byte[]> freeBuffers = new ArrayDeque<>();
    private final List<Future<?>> uploads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private byte[] buffer;
    private int used;
    private int blocks;
    private long offset;
    private boolean done;
    private String etag;

    /**
     * Creates the stream.
     *
     * @param path the lake path
     * @param blockSize the block size in bytes
     * @param maxConcurrency how many blocks may upload at once
     * @param executor runs block uploads
     */
    protected BlockOutputStream(String path, int blockSize, int maxConcurrency, ExecutorService executor) {
        this.path = path;
        this.blockSize = blockSize;
        this.executor = executor;
        this.inFlight = new Semaphore(maxConcurrency);
        this.buffer = new byte[Math.min(FIRST_BUFFER, blockSize)];
    }

    /**
     * Uploads one block; runs on a pool thread, possibly alongside other blocks of this stream.
     *
     * @param index the block's index, from 0
     * @param position the block's first byte in the object
     * @param data the block's bytes
     */
    protected abstract void stageBlock(int index, long position, ByteBuffer data);

    /**
     * Writes an object that fits in one block, whole, honouring the write's condition.
     *
     * @param data the object's bytes
     * @return the new ETag
     */
    protected abstract String commitSingle(ByteBuffer data);

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
        if (used == buffer.length) {
            makeRoom();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureWritable();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (used == buffer.length) {
                makeRoom();
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        uploads.forEach(f -> f.cancel(false));
        discard();
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            if (blocks == 0) {
                etag = commitSingle(ByteBuffer.wrap(buffer, 0, used));
            } else {
                if (used > 0) {
                    stageCurrent();
                }
                awaitUploads();
                etag = commitBlocks(blocks, offset);
            }
        } catch (IOException | AzureException e) {
            uploads.forEach(f -> f.cancel(false));
            discard();
            throw e;
        } catch (RuntimeException e) {
            uploads.forEach(f -> f.cancel(false));
            discard();
            throw LOGGER.logExceptionAsWarning(new CustomModelsException("Writing lake path '" + path + "' failed"
                    + " before the service answered (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Check the endpoint and the network. Nothing was committed.", e));
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
        if (buffer.length < blockSize) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, blockSize));
            return;
        }
        stageCurrent();
    }

    private void stageCurrent() throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while uploading lake path '" + path + "'.");
        }
        ensureNoFailure();
        byte[] full = buffer;
        int length = used;
        int index = blocks++;
        long position = offset;
        offset += length;
        uploads.add(executor.submit(() -> {
            try {
                stageBlock(index, position, ByteBuffer.wrap(full, 0, length));
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                throw e;
            } finally {
                synchronized (freeBuffers) {
                    freeBuffers.push(full);
                }
                inFlight.release();
            }
            return null;
        }));
        synchronized (freeBuffers) {
            buffer = freeBuffers.isEmpty() ? null : freeBuffers.pop();
        }
        if (buffer == null) {
            buffer = new byte[blockSize];
        }
        used = 0;
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
        for (Future<?> upload : uploads) {
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
            } catch (CancellationException e) {
                throw new IOException("Uploading lake path '" + path + "' was cancelled.", e);
            }
        }
        LOGGER.verbose("Staged {} blocks ({} bytes) of lake path {}", blocks, offset, path);
    }
}
