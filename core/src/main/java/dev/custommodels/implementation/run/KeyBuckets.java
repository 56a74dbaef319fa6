package dev.custommodels.implementation.run;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A large multiset of 64-bit key hashes kept on local disk, split into {@value #BUCKETS} files by the hash's top
 * bits, so two sets can be compared a bucket at a time with memory of one bucket (1/64 of the keys, 8 bytes each).
 *
 * <p>The trade-off: a hash set in memory needs at least 16 bytes per key (80 MB for 5 million) and grows with the
 * entity; these files need 8 bytes per key on disk and about 1/64 of that in memory while compared, at the cost
 * of writing and reading each hash once. Counts are exact up to 64-bit hash collisions (for 10 million keys the
 * chance of any collision is below one in a million).
 */
final class KeyBuckets implements AutoCloseable {
    static final int BUCKETS = 64;
    private static final int SHIFT = 64 - 6;

    private final Path dir;
    private final DataOutputStream[] outs = new DataOutputStream[BUCKETS];
    private final long[] counts = new long[BUCKETS];
    private boolean sealed;

    KeyBuckets(String label) {
        try {
            this.dir = Files.createTempDirectory("cm-" + label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory to relate results.", e);
        }
    }

    /** A well-mixed 64-bit hash of a text (FNV-1a over UTF-16 units, then the MurmurHash3 finaliser). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    void add(long hash) {
        int b = (int) (hash >>> SHIFT);
        try {
            if (outs[b] == null) {
                outs[b] = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve(b + ".bin")), 8192));
            }
            outs[b].writeLong(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing key hashes to " + dir + " failed.", e);
        }
        counts[b]++;
    }

    /** Returns the sorted hashes of one bucket. */
    long[] sortedBucket(int b) {
        seal();
        long[] values = new long[Math.toIntExact(counts[b])];
        if (values.length > 0) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                    Files.newInputStream(dir.resolve(b + ".bin")), 1 << 16))) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readLong();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Reading key hashes from " + dir + " failed.", e);
            }
        }
        Arrays.sort(values);
        return values;
    }

    private void seal() {
        if (sealed) {
            return;
        }
        sealed = true;
        for (DataOutputStream o : outs) {
            if (o != null) {
                try {
                    o.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Writing key hashes to " + dir + " failed.", e);
                }
            }
        }
    }

    @Override
    public void close() {
        for (DataOutputStream o : outs) {
            if (o != null) {
                try {
                    o.close();
                } catch (IOException ignored) {
                    // being deleted
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans its temp directory
        }
    }
}
