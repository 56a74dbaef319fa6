package dev.custommodels.lake;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakePaths;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A lake in a local directory: the embedded default.
 *
 * <p>Every write goes to a temporary file in the target's folder and is committed by an atomic move, so readers
 * see the old file or the new one. Conditional writes and deletes are serialised by a lock file in the root,
 * which holds across threads and across processes sharing the directory. An ETag is derived from the file's
 * identity, modification time and size, all of which change on every write.
 */
public final class LocalLakeStore implements LakeStore {
    private static final ClientLogger LOGGER = new ClientLogger(LocalLakeStore.class);
    private static final String TEMP_MARK = ".cm-tmp-";
    private static final String LOCK_FILE = ".cm-lake.lock";

    /**
     * One lock per lake directory for the whole JVM: a file lock is held per process, so two stores over one
     * directory in one JVM must take turns before taking it (else the JVM throws OverlappingFileLockException).
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final ReentrantLock jvmLock;

    /**
     * Creates a store over a directory, creating it if needed.
     *
     * @param root the lake's root directory
     * @throws UncheckedIOException if the directory cannot be created
     */
    public LocalLakeStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lake directory " + this.root + ".", e);
        }
        this.jvmLock = JVM_LOCKS.computeIfAbsent(lockKey(this.root), k -> new ReentrantLock());
    }

    private static Path lockKey(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    /**
     * Returns the root directory.
     *
     * @return the absolute root
     */
    public Path root() {
        return root;
    }

    /**
     * Returns the file that holds a lake path, for tools that need a local file (such as a memory-mapped index).
     *
     * @param path the lake path
     * @return the file, which may not exist
     */
    public Path resolve(String path) {
        return root.resolve(LakePaths.validate(path));
    }

    @Override
    public InputStream openRead(String path) {
        Path file = resolve(path);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new LakeObjectNotFoundException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lake path '" + path + "'.", e);
        }
    }

    @Override
    public InputStream openRead(String path, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("A range read of lake path '" + path + "' needs a non-negative "
                    + "offset and length, got offset " + offset + " and length " + length + ".");
        }
        Path file = resolve(path);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new FileRangeInputStream(channel, offset, length);
        } catch (NoSuchFileException e) {
            throw new LakeObjectNotFoundException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lake path '" + path + "'.", e);
        }
    }

    @Override
    public Optional<LakeObjectInfo> stat(String path) {
        Path file = resolve(path);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(info(path, file, a));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stat lake path '" + path + "'.", e);
        }
    }

    @Override
    public LakeOutputStream openWrite(String path, WriteCondition condition) {
        Objects.requireNonNull(condition, "condition");
        Path target = resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(TEMP_MARK + UUID.randomUUID() + "-" + target.getFileName());
            return new LocalOutputStream(path, target, temp, condition);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write lake path '" + path + "'.", e);
        }
    }

    @Override
    public Stream<LakeObjectInfo> list(String prefix) {
        LakePaths.validatePrefix(prefix);
        int cut = prefix.lastIndexOf('/');
        Path start = cut < 0 ? root : root.resolve(prefix.substring(0, cut));
        if (!Files.isDirectory(start)) {
            return Stream.empty();
        }
        try {
            return Files.walk(start)
                    .filter(p -> !p.getFileName().toString().startsWith(TEMP_MARK))
                    .filter(p -> !p.equals(root.resolve(LOCK_FILE)))
                    .map(p -> new Object[] {relative(p), p})
                    .filter(o -> ((String) o[0]).startsWith(prefix))
                    .map(o -> statQuietly((String) o[0], (Path) o[1]))
                    .flatMap(Optional::stream)
                    .sorted((x, y) -> x.path().compareTo(y.path()));
        } catch (NoSuchFileException e) {
            return Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list lake prefix '" + prefix + "'.", e);
        }
    }

    @Override
    public boolean delete(String path, WriteCondition condition) {
        Path file = resolve(path);
        if (condition.isNone()) {
            return deleteFile(file, path);
        }
        if (condition.isIfNotExists()) {
            throw new IllegalArgumentException("A delete cannot be create-only; use none() or ifMatch(etag).");
        }
        return underLock(() -> {
            Optional<LakeObjectInfo> current = stat(path);
            if (current.isEmpty()) {
                return false;
            }
            if (!current.get().etag().equals(condition.getIfMatch())) {
                throw new LakeConditionFailedException(path, "its ETag is " + current.get().etag() + ", not "
                        + condition.getIfMatch(), current.get().etag());
            }
            return deleteFile(file, path);
        });
    }

    @Override
    public String describe() {
        return "local:" + root;
    }

    @Override
    public String toString() {
        return "LocalLakeStore{" + root + "}";
    }

    private boolean deleteFile(Path file, String path) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete lake path '" + path + "'.", e);
        }
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private Optional<LakeObjectInfo> statQuietly(String path, Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? Optional.of(info(path, file, a)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // deleted while listing
        }
    }

    private static LakeObjectInfo info(String path, Path file, BasicFileAttributes a) {
        Object key = a.fileKey();
        long identity = key == null ? 0 : key.hashCode();
        long nanos = a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                + a.lastModifiedTime().toInstant().getNano();
        String etag = "\"" + Long.toHexString(identity) + "-" + Long.toHexString(nanos) + "-"
                + Long.toHexString(a.size()) + "\"";
        return new LakeObjectInfo(path, a.size(), etag,
                OffsetDateTime.ofInstant(a.lastModifiedTime().toInstant(), ZoneOffset.UTC));
    }

    private <T> T underLock(IoSupplier<T> action) {
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException("The lake lock in " + root + " failed.", e);
        } finally {
            jvmLock.unlock();
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private final class LocalOutputStream extends LakeOutputStream {
        private final String path;
        private final Path target;
        private final Path temp;
        private final WriteCondition condition;
        private final OutputStream out;
        private boolean done;
        private String etag;
        /** What made a write throw: part of it may be in the file, so closing commits nothing. */
        private Throwable writeFailure;

        LocalOutputStream(String path, Path target, Path temp, WriteCondition condition) throws IOException {
            this.path = path;
            this.target = target;
            this.temp = temp;
            this.condition = condition;
            this.out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            try {
                out.write(b);
            } catch (IOException | RuntimeException | Error e) {
                writeFailure = e;
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            Objects.checkFromIndexSize(off, len, b.length);
            try {
                out.write(b, off, len);
            } catch (IOException | RuntimeException | Error e) {
                writeFailure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            ensureOpen();
            try {
                out.flush();
            } catch (IOException | RuntimeException | Error e) {
                writeFailure = e;
                throw e;
            }
        }

        @Override
        public void abort() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } catch (IOException e) {
                LOGGER.verbose("Closing an aborted write of {} failed: {}", path, e.getMessage());
            }
            deleteTemp();
        }

        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            if (writeFailure != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    LOGGER.verbose("Closing a failed write of {} failed: {}", path, e.getMessage());
                }
                deleteTemp();
                throw new IOException("A write to lake path '" + path + "' failed (" + writeFailure.getClass()
                        .getSimpleName() + ": " + writeFailure.getMessage() + "), so closing commits nothing; the"
                        + " object at the path stays as it was. Write it again.", writeFailure);
            }
            try {
                out.close();
                commit();
            } catch (IOException | RuntimeException e) {
                deleteTemp();
                throw e;
            }
        }

        @Override
        public String etag() {
            if (etag == null) {
                throw new IllegalStateException("The write of lake path '" + path + "' was not committed.");
            }
            return etag;
        }

        private void ensureOpen() throws IOException {
            if (done) {
                throw new IOException("The write of lake path '" + path + "' is already closed or aborted.");
            }
        }

        private void commit() throws IOException {
            // The ETag is the temporary file's: a move or a link keeps its identity, time and size, and the object
            // may be replaced or deleted by another writer the moment it is in place.
            String written = info(path, temp, Files.readAttributes(temp, BasicFileAttributes.class)).etag();
            if (condition.isNone()) {
                move();
            } else if (condition.isIfNotExists()) {
                underLock(() -> {
                    try {
                        Files.createLink(target, temp);
                    } catch (FileAlreadyExistsException e) {
                        throw new LakeConditionFailedException(path, "an object already exists there",
                                stat(path).map(LakeObjectInfo::etag).orElse(null));
                    }
                    Files.delete(temp);
                    return null;
                });
            } else {
                underLock(() -> {
                    Optional<LakeObjectInfo> current = stat(path);
                    String expected = condition.getIfMatch();
                    if (current.isEmpty() || !current.get().etag().equals(expected)) {
                        String now = current.map(LakeObjectInfo::etag).orElse(null);
                        throw new LakeConditionFailedException(path, now == null ? "there is no object to replace"
                                : "its ETag is " + now + ", not " + expected, now);
                    }
                    move();
                    return null;
                });
            }
            etag = written;
        }

        private void move() throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + root + " cannot move files atomically.", e);
            }
        }

        private void deleteTemp() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOGGER.verbose("Removing temporary file {} failed: {}", temp, e.getMessage());
            }
        }
    }
}
