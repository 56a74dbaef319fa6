package dev.custommodels.implementation.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelationCounterTest {

    @Test
    void countsMatchABruteForceCountInMemory() {
        check(50_000, 40_000, false);
    }

    @Test
    void countsMatchABruteForceCountWhenTheHashesSpillToBucketFiles() {
        check(KeyBuckets.IN_MEMORY + 200_000, 900_000, true);
    }

    private static void check(int keyCount, int resultCount, boolean spills) {
        Random random = new Random(42);
        Set<String> keySet = new HashSet<>();
        Map<String, Integer> results = new HashMap<>();
        RelationCounter counter = new RelationCounter();
        try (KeyBuckets keys = new KeyBuckets("keys"); KeyBuckets res = new KeyBuckets("results")) {
            for (int i = 0; i < keyCount; i++) {
                String k = "k" + random.nextInt(keyCount * 2);
                keySet.add(k);
                keys.add(KeyBuckets.hash(k));
            }
            for (int i = 0; i < resultCount; i++) {
                String r = "k" + random.nextInt(keyCount * 3);
                results.merge(r, 1, Integer::sum);
                res.add(KeyBuckets.hash(r));
            }
            assertThat(keys.spilled()).isEqualTo(spills);
            counter.count(keys, res);
        }
        long matched = results.keySet().stream().filter(keySet::contains).count();
        long dupIds = results.values().stream().filter(n -> n > 1).count();
        long dupRows = results.values().stream().mapToLong(n -> n - 1).sum();
        long unscored = keySet.stream().filter(k -> !results.containsKey(k)).count();
        assertThat(counter.distinct).isEqualTo(results.size());
        assertThat(counter.matched).isEqualTo(matched);
        assertThat(counter.unknown).isEqualTo(results.size() - matched);
        assertThat(counter.duplicateIds).isEqualTo(dupIds);
        assertThat(counter.duplicateRows).isEqualTo(dupRows);
        assertThat(counter.unscored).isEqualTo(unscored);
        assertThat(counter.unknownSamples).hasSize(RelationCounter.SAMPLES);
    }
}
