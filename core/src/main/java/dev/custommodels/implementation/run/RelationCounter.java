package dev.custommodels.implementation.run;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Compares the result IDs with the entity's keys, a hash bucket at a time: distinct, matched, unknown and
 * duplicated IDs, and keys without a result. Keeps up to {@value #SAMPLES} hashes of unknown and of duplicated IDs,
 * whose text a later pass looks up for messages.
 */
final class RelationCounter {
    static final int SAMPLES = 5;

    long distinct;
    long matched;
    long unknown;
    long duplicateIds;
    long duplicateRows;
    long unscored;
    final Set<Long> unknownSamples = new HashSet<>();
    final Set<Long> duplicateSamples = new HashSet<>();

    void count(KeyBuckets keys, KeyBuckets results) {
        for (int b = 0; b < KeyBuckets.BUCKETS; b++) {
            long[] k = distinct(keys.sortedBucket(b));
            long[] r = results.sortedBucket(b);
            int i = 0;
            while (i < r.length) {
                long h = r[i];
                int j = i;
                while (j < r.length && r[j] == h) {
                    j++;
                }
                distinct++;
                if (j - i > 1) {
                    duplicateIds++;
                    duplicateRows += j - i - 1;
                    if (duplicateSamples.size() < SAMPLES) {
                        duplicateSamples.add(h);
                    }
                }
                if (Arrays.binarySearch(k, h) >= 0) {
                    matched++;
                } else {
                    unknown++;
                    if (unknownSamples.size() < SAMPLES) {
                        unknownSamples.add(h);
                    }
                }
                i = j;
            }
            for (long h : k) {
                if (Arrays.binarySearch(r, h) < 0) {
                    unscored++;
                }
            }
        }
    }

    private static long[] distinct(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
