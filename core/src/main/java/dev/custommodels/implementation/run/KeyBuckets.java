package dev.custommodels.implementation.run;

import java.io.BufferedInputStream;
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
 * A large multiset of 64-bit key hashes, split into {@value #BUCKETS} buckets by the hash's top bits, so that two
 * sets can be compared a bucket at a time. Up to {@value #IN_MEMORY} hashes (8 MB) stay in memory; beyond that all
 * of them go to one file per bucket in a temporary directory, and a comparison holds one bucket at a time (1/64 of
 * the keys, 8 bytes each).
 *
 * <p>The trade-off: a hash set in memory needs at least 16 bytes per key (80 MB for 5 million) and grows with the
 * entity; the bucket files need 8 bytes per key on local disk and about 1/64 of that in memory, at the cost of
 * writing and reading each hash once. Counts are exact up to 64-bit hash collisions (for 10 million keys the chance
 * of any collision is below one in a million).
 */
final class KeyBuckets implements AutoCloseable {
    static final int BUCKETS = 64;
    static final int IN_MEMORY = 1 << 20;
    private static final int SHIFT = 64 - 6;

    private final String label;
    private long[] memory = new long[1024];
    private int size;
    private int[] starts;
    private Path dir;
    private DataOutputStream[] outs;
    private final long[] counts = new long[BUCKETS];
    private boolean sealed;

    KeyBuckets(String label) {
        this.label = label;
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
        if (dir == null) {
            if (size < IN_MEMORY) {
                if (size == memory.length) {
                    memory = Arrays.copyOf(memory, Math.min(IN_MEMORY, size * 2));
                }
                memory[size++] = hash;
                return;
            }
            spill();
        }
        write(hash);
    }

    /** Tells whether the hashes went to files. */
    boolean spilled() {
        return dir != null;
    }

    /** Returns the sorted hashes of one bucket. */
    long[] sortedBucket(int b) {
        seal();
        if (dir == null) {
            return Arrays.copyOfRange(memory, starts[b], starts[b + 1]);
        }
        long[] values = new long[Math.toIntExact(counts[b])];
        if (values.length > 0) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
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

    private void spill() {
        try {
            dir = Files.createTempDirectory("cm-" + label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory to relate results.", e);
        }
        outs = new DataOutputStream[BUCKETS];
        for (int i = 0; i < size; i++) {
            write(memory[i]);
        }
        memory = null;
        size = 0;
    }

    private void write(long hash) {
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

    private void seal() {
        if (sealed) {
            return;
        }
        sealed = true;
        if (dir == null) {
            memory = Arrays.copyOf(memory, size);
            Arrays.sort(memory);
            starts = new int[BUCKETS + 1];
            int[] perBucket = new int[BUCKETS];
            for (long h : memory) {
                perBucket[(int) (h >>> SHIFT)]++;
            }
            // signed order puts buckets 32..63 (negative hashes) before 0..31
            int pos = 0;
            int[] begin = new int[BUCKETS];
            for (int b = 32; b < BUCKETS; b++) {
                begin[b] = pos;
                pos += perBucket[b];
            }
            for (int b = 0; b < 32; b++) {
                begin[b] = pos;
                pos += perBucket[b];
            }
            rangesFrom(begin, perBucket);
            return;
        }
        closeOuts();
    }

    private void rangesFrom(int[] begin, int[] perBucket) {
        long[] sorted = new long[memory.length];
        int[] ends = new int[BUCKETS + 1];
        int pos = 0;
        for (int b = 0; b < BUCKETS; b++) {
            System.arraycopy(memory, begin[b], sorted, pos, perBucket[b]);
            ends[b] = pos;
            pos += perBucket[b];
        }
        ends[BUCKETS] = pos;
        memory = sorted;
        starts = ends;
    }

    private void closeOuts() {
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
        if (dir == null) {
            memory = null;
            return;
        }
        try {
            closeOuts();
        } catch (UncheckedIOException ignored) {
            // being deleted
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans its temp directory
        }
    }
}
