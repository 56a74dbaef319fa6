package dev.custommodels.runs;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A lake that runs a hook when a write of a matching path is opened, such as a pause of a child process just
 * before (or just after) a commit's manifest swap. Everything else goes to the wrapped store.
 */
final class PausingLakeStore implements LakeStore {
    private final LakeStore delegate;
    private final Predicate<String> when;
    private final Runnable hook;

    PausingLakeStore(LakeStore delegate, Predicate<String> when, Runnable hook) {
        this.delegate = delegate;
        this.when = when;
        this.hook = hook;
    }

    @Override
    public InputStream openRead(String path) {
        return delegate.openRead(path);
    }

    @Override
    public InputStream openRead(String path, long offset, long length) {
        return delegate.openRead(path, offset, length);
    }

    @Override
    public Optional<LakeObjectInfo> stat(String path) {
        return delegate.stat(path);
    }

    @Override
    public LakeOutputStream openWrite(String path, WriteCondition condition) {
        if (when.test(path)) {
            hook.run();
        }
        return delegate.openWrite(path, condition);
    }

    @Override
    public Stream<LakeObjectInfo> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public boolean delete(String path, WriteCondition condition) {
        return delegate.delete(path, condition);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
