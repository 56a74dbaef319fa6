package dev.custommodels.testkit.gateway;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/** A few direct buffers that the gateway reuses for append bodies, so that a steady upload allocates none. */
final class AppendBuffers {
    private static final int IDLE_LIMIT = 4;
    private static final int SMALLEST = 1024 * 1024;

    private final Deque<ByteBuffer> idle = new ArrayDeque<>();

    /** Takes a cleared buffer limited to the length, reused when one is large enough. */
    ByteBuffer take(int length) {
        synchronized (idle) {
            for (ByteBuffer buffer : idle) {
                if (buffer.capacity() >= length) {
                    idle.remove(buffer);
                    return buffer.clear().limit(length);
                }
            }
        }
        return ByteBuffer.allocateDirect(Math.max(length, SMALLEST)).limit(length);
    }

    /** Gives a buffer back once the upstream call that read it has returned. */
    void give(ByteBuffer buffer) {
        synchronized (idle) {
            if (idle.size() >= IDLE_LIMIT) {
                idle.removeLast();
            }
            idle.push(buffer);
        }
    }
}
