package dev.custommodels.spi;

import java.io.OutputStream;

/**
 * A stream that writes one lake object. Nothing is visible to readers until {@link #close()} commits the whole
 * object atomically; {@link #abort()} discards what was written. Closing checks the write's condition: when it
 * fails, {@code close()} throws {@link dev.custommodels.models.LakeConditionFailedException} and nothing is
 * written.
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
