package dev.custommodels.storage.implementation;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The block buffers of one store: direct buffers of the block size, kept for reuse by later writes.
 *
 * <p>Blocks are direct so that the HTTP client sends them from where they are, without copying each one into a
 * direct buffer of its own first. A store keeps at most {@code idleLimit} buffers when no write needs them;
 * buffers given back beyond that are dropped and freed by the garbage collector.
 */
public final class BlockBuffers {
    private final int blockSize;
    private final int idleLimit;
    private final Deque<ByteBuffer> idle = new ArrayDeque<>();

    /**
     * Creates the pool.
     *
     * @param blockSize the size of every buffer
     * @param idleLimit how many unused buffers to keep
     */
    public BlockBuffers(int blockSize, int idleLimit) {
        this.blockSize = blockSize;
        this.idleLimit = idleLimit;
    }

    /**
     * Returns the block size.
     *
     * @return bytes per buffer
     */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Takes an empty buffer of the block size, reused or new.
     *
     * @return a cleared direct buffer
     */
    public ByteBuffer acquire() {
        ByteBuffer buffer;
        synchronized (idle) {
            buffer = idle.poll();
        }
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(blockSize);
    }

    /**
     * Gives a buffer back once nothing reads it any more. Buffers not taken from this pool are ignored.
     *
     * @param buffer the buffer
     */
    public void release(ByteBuffer buffer) {
        if (!buffer.isDirect() || buffer.capacity() != blockSize) {
            return;
        }
        synchronized (idle) {
            if (idle.size() < idleLimit) {
                idle.push(buffer);
            }
        }
    }

    /**
     * Returns how many unused buffers the pool holds, for tests.
     *
     * @return the count
     */
    public int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }
}
