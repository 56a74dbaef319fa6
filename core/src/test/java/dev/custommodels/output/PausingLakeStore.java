package dev.custommodels.output;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lake that stops a writer at one phase of its manifest swap: it prints {@code PAUSED <phase>} and blocks on
 * standard input, so a parent process can kill it at exactly that point.
 *
 * <ul>
 * <li>{@code before-swap}: partitions, indexes and the version's own model.json are written; the entity's
 * model.json is not yet opened.</li>
 * <li>{@code during-swap}: half of the new model.json is written to the store's temporary file.</li>
 * <li>{@code after-swap}: the new model.json is committed; the clean-up of dropped versions has not run.</li>
 * </ul>
 */
final class PausingLakeStore implements LakeStore {
    private final LakeStore inner;
    private final String manifestPath;
    private final String phase;
    private final PrintStream out;
    private final InputStream in;

    PausingLakeStore(LakeStore inner, String manifestPath, String phase, PrintStream out, InputStream in) {
        this.inner = inner;
        this.manifestPath = manifestPath;
        this.phase = phase;
        this.out = out;
        this.in = in;
    }

    @Override
    public LakeOutputStream openWrite(String path, WriteCondition condition) {
        if (!path.equals(manifestPath)) {
            return inner.openWrite(path, condition);
        }
        if (phase.equals("before-swap")) {
            pause();
        }
        LakeOutputStream real = inner.openWrite(path, condition);
        return new LakeOutputStream() {
            @Override
            public void write(int b) throws IOException {
                real.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (phase.equals("during-swap")) {
                    real.write(b, off, len / 2);
                    real.flush();
                    pause();
                }
                real.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                real.close();
                if (phase.equals("after-swap")) {
                    pause();
                }
            }

            @Override
            public void abort() {
                real.abort();
            }

            @Override
            public String etag() {
                return real.etag();
            }
        };
    }

    private void pause() {
        out.println("PAUSED " + phase);
        out.flush();
        try {
            in.read();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("The parent was expected to kill this process at " + phase);
    }

    @Override
    public InputStream openRead(String path) {
        return inner.openRead(path);
    }

    @Override
    public InputStream openRead(String path, long offset, long length) {
        return inner.openRead(path, offset, length);
    }

    @Override
    public Optional<LakeObjectInfo> stat(String path) {
        return inner.stat(path);
    }

    @Override
    public Stream<LakeObjectInfo> list(String prefix) {
        return inner.list(prefix);
    }

    @Override
    public boolean delete(String path, WriteCondition condition) {
        return inner.delete(path, condition);
    }

    @Override
    public String describe() {
        return "pausing:" + inner.describe();
    }
}
