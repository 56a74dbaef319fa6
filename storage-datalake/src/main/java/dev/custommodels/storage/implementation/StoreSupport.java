package dev.custommodels.storage.implementation;

import dev.custommodels.spi.LakePaths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers shared by the stores and their builders. */
public final class StoreSupport {
    /** The longest signature a store mints: the limit of a user delegation key. */
    public static final Duration MAX_SIGNATURE_VALIDITY = Duration.ofDays(7);
    /** The folder under a store's root that holds uploads in progress (DataLake store). */
    public static final String TEMP_FOLDER = ".cm-tmp";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private StoreSupport() {
    }

    /**
     * Normalises a root folder: no leading or trailing slash, validated as a lake path; empty for the container.
     *
     * @param rootPath the root, or {@code null}
     * @return the root, ending with {@code /} unless empty
     * @throws IllegalArgumentException if it is not a valid path
     */
    public static String normaliseRoot(String rootPath) {
        if (rootPath == null) {
            return "";
        }
        String trimmed = rootPath.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : LakePaths.validate(trimmed) + "/";
    }

    /**
     * Creates the pool that uploads blocks; its threads are daemons and end when idle.
     *
     * @param name the store kind, for thread names
     * @return the pool
     */
    public static ExecutorService uploadPool(String name) {
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-upload-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    /**
     * Checks a signature's validity period.
     *
     * @param validFor the period
     * @return the period
     * @throws IllegalArgumentException when it is not positive or longer than seven days
     */
    public static Duration checkValidity(Duration validFor) {
        if (validFor == null || validFor.isNegative() || validFor.isZero()
                || validFor.compareTo(MAX_SIGNATURE_VALIDITY) > 0) {
            throw new IllegalArgumentException("A signature must be valid for more than zero and at most seven days,"
                    + " not " + validFor + "; keep it short, such as the expected duration of the job.");
        }
        return validFor;
    }

    /**
     * Tells whether a connection string carries an account key (so the store can sign with it).
     *
     * @param connectionString the connection string
     * @return {@code true} when it has {@code AccountKey=}
     */
    public static boolean hasAccountKey(String connectionString) {
        return connectionString != null
                && connectionString.toLowerCase(Locale.ROOT).contains("accountkey=");
    }

    /**
     * Checks the block size.
     *
     * @param blockSize bytes
     * @return the size
     * @throws IllegalArgumentException when outside 64 KiB to 1 GiB
     */
    public static int checkBlockSize(long blockSize) {
        if (blockSize < 64 * 1024 || blockSize > (1L << 30)) {
            throw new IllegalArgumentException("The block size must be between 64 KiB and 1 GiB, not " + blockSize
                    + " bytes.");
        }
        return (int) blockSize;
    }

    /**
     * Checks the upload concurrency.
     *
     * @param maxConcurrency blocks in flight per stream
     * @return the value
     * @throws IllegalArgumentException when outside 1 to 64
     */
    public static int checkConcurrency(int maxConcurrency) {
        if (maxConcurrency < 1 || maxConcurrency > 64) {
            throw new IllegalArgumentException("The upload concurrency must be between 1 and 64, not "
                    + maxConcurrency + ".");
        }
        return maxConcurrency;
    }

    /**
     * Puts an ETag in the quoted form that response headers use; listings may give it bare.
     *
     * @param etag the ETag
     * @return the quoted ETag
     */
    public static String quoteEtag(String etag) {
        if (etag == null || etag.startsWith("\"") || etag.startsWith("W/")) {
            return etag;
        }
        return "\"" + etag + "\"";
    }

    /**
     * Creates the MD5 digest that computes blocks' transactional checksums ({@code Content-MD5}).
     *
     * @return a new digest
     * @throws IllegalStateException when the JVM has no MD5
     */
    public static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no MD5; build the store with transactionalChecksums(false).",
                    e);
        }
    }
}
