package dev.custommodels.implementation.output;

import java.nio.charset.StandardCharsets;

/**
 * The stable hash that places a row by its Customer ID: MurmurHash3 x86 32-bit, seed 0, over the UTF-8 bytes of
 * the ID's text form. The hash is part of the lake format (written in model.json), so it never changes for a
 * format version; it is fast, well distributed and has published test vectors, unlike {@code String.hashCode}.
 *
 * <p>A row goes to partition {@code (hash as unsigned 32-bit * partitionCount) >>> 32}: a range split of the hash
 * space. Because rows are also sorted by hash inside the version, the partition count can be chosen when the row
 * count is known, at commit, without re-hashing.
 */
public final class CustomerIdHash {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private CustomerIdHash() {
    }

    /**
     * Hashes a Customer ID's text form.
     *
     * @param id the text form
     * @return the 32-bit hash
     */
    public static int hash(String id) {
        return murmur3(id.getBytes(StandardCharsets.UTF_8), 0);
    }

    /**
     * Returns the partition of a hash.
     *
     * @param hash the hash
     * @param partitionCount the number of partitions, one or more
     * @return the partition, from 0 to {@code partitionCount - 1}
     */
    public static int partition(int hash, int partitionCount) {
        return (int) (((hash & 0xFFFFFFFFL) * partitionCount) >>> 32);
    }

    /**
     * MurmurHash3 x86 32-bit.
     *
     * @param data the bytes
     * @param seed the seed
     * @return the hash
     */
    @SuppressWarnings("fallthrough")
    public static int murmur3(byte[] data, int seed) {
        int h = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int k = (data[4 * i] & 0xFF) | (data[4 * i + 1] & 0xFF) << 8 | (data[4 * i + 2] & 0xFF) << 16
                    | (data[4 * i + 3] & 0xFF) << 24;
            k *= C1;
            k = Integer.rotateLeft(k, 15);
            k *= C2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int k = 0;
        int tail = blocks * 4;
        switch (data.length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xFF) << 16;
                // fall through
            case 2:
                k ^= (data[tail + 1] & 0xFF) << 8;
                // fall through
            case 1:
                k ^= data[tail] & 0xFF;
                k *= C1;
                k = Integer.rotateLeft(k, 15);
                k *= C2;
                h ^= k;
                break;
            default:
                break;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
