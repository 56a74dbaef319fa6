package dev.custommodels.spi;

import java.io.OutputStream;

/**
 * A stream that writes one lake object. Nothing is visible to readers until {@link #close()} commits the whole
 * object atomically; {@link #abort()} discards what was written. Closing checks the write's condition: when it
 * fails, {@code close()} throws {@link dev.custommodels.models.LakeConditionFailedException} and nothing is
 * written.
 *
 * <p>Once a {@code write} or {@code flush} has thrown (other than for invalid arguments), the stream is broken: part
 * of those bytes may have been taken, so {@code close()} commits nothing, leaves the object as it was and throws an
 * {@link java.io.IOException}. So a failed write never commits a torn object, not even from a
 * {@code try}-with-resources block. Only the writer can tell a failing source (one that throws while it is copied
 * in) from the end of the data: call {@link #abort()} then.
 */
public abstract class LakeOutputStream extends OutputStream {

    /** For subclasses. */
    protected LakeOutputStream() {
    }

    /**
     * Discards everything written; the object at the path stays as it was. Closing afterwards does nothing.
     */
    public abstract void abort();

    /**
     * Returns the ETag of the object this stream committed.
     *
     * @return the ETag
     * @throws IllegalStateException if the stream was not closed successfully
     */
    public abstract String etag();
}
