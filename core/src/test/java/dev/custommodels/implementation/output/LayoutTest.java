package dev.custommodels.implementation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CorruptStateException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutTest {
    @TempDir
    Path dir;

    @Test
    void customerIdHashIsMurmur3X86With32BitPublishedVectors() {
        assertThat(CustomerIdHash.murmur3(new byte[0], 0)).isEqualTo(0);
        assertThat(CustomerIdHash.murmur3(new byte[0], 1)).isEqualTo(0x514E28B7);
        assertThat(CustomerIdHash.hash("hello")).isEqualTo(0x248BFA47);
        assertThat(CustomerIdHash.hash("Hello, world!")).isEqualTo(0xC0363E43);
        assertThat(CustomerIdHash.hash("The quick brown fox jumps over the lazy dog")).isEqualTo(0x2E4FF723);
        assertThat(CustomerIdHash.partition(0, 8)).isZero();
        assertThat(CustomerIdHash.partition(-1, 8)).isEqualTo(7);
        assertThat(CustomerIdHash.partition(0x80000000, 8)).isEqualTo(4);
    }

    @Test
    void rowsSpilledPastTheBudgetMergeBackInHashThenIdOrderKeepingWriteOrderForEqualIds() {
        List<SortedRows.Entry> expected = new ArrayList<>();
        Random random = new Random(3);
        try (SortedRows rows = new SortedRows(64 * 1024, dir)) {
            for (int i = 0; i < 20_000; i++) {
                String id = "id-" + random.nextInt(5_000);
                SortedRows.Entry e = new SortedRows.Entry(CustomerIdHash.hash(id), id,
                        (id + "," + i + "\n").getBytes(StandardCharsets.UTF_8));
                rows.add(e);
                expected.add(e);
            }
            assertThat(rows.spilledRuns()).isGreaterThan(10);
            expected.sort((a, b) -> {
                int c = Integer.compareUnsigned(a.hash(), b.hash());
                return c != 0 ? c : a.id().compareTo(b.id());
            });
            Iterator<SortedRows.Entry> merged = rows.finish();
            for (SortedRows.Entry e : expected) {
                assertThat(new String(merged.next().line(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(e.line(), StandardCharsets.UTF_8));
            }
            assertThat(merged.hasNext()).isFalse();
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void indexRangesCoverEveryRowOfAHashAcrossBlockBoundaries() throws Exception {
        int[] hashes = {1, 1, 1, 5, 5, 5, 5, 5, 5, 9, 0x80000000, 0xFFFFFFFF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PartitionIndex.Writer w = new PartitionIndex.Writer(bytes, 4);
        for (int i = 0; i < hashes.length; i++) {
            w.row(hashes[i], i * 10L);
        }
        w.finish(hashes.length * 10L);
        PartitionIndex index = PartitionIndex.decode(bytes.toByteArray(), "p.idx");
        assertThat(index.rowCount()).isEqualTo(12);
        assertThat(index.range(0)).isNull();
        assertThat(index.range(1)).containsExactly(0, 40);
        assertThat(index.range(5)).containsExactly(0, 120);
        assertThat(index.range(9)).containsExactly(80, 120);
        assertThat(index.range(0x80000000)).containsExactly(80, 120);
        assertThat(index.range(0xFFFFFFFF)).containsExactly(80, 120);
        assertThatThrownBy(() -> PartitionIndex.decode(new byte[40], "bad.idx"))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("bad.idx");
    }

    @Test
    void versionFileNamesParseBackToRunAndAttempt() {
        String attempt = EntityPaths.attempt(12, 0xABCDEF);
        assertThat(attempt).isEqualTo("g12-00abcdef");
        assertThat(EntityPaths.baseGeneration(attempt)).contains(12L);
        assertThat(EntityPaths.parse("E", EntityPaths.partition("E", "r-1", attempt, 3)))
                .hasValueSatisfying(p -> assertThat(p).containsExactly("r-1", attempt));
        assertThat(EntityPaths.parse("E", EntityPaths.versionManifest("E", "r-1", attempt)))
                .hasValueSatisfying(p -> assertThat(p).containsExactly("r-1", attempt));
        assertThat(EntityPaths.parse("E", "entities/E/v/r-1/notes.txt")).isEmpty();
        assertThat(EntityPaths.parse("E", "entities/E/model.json")).isEmpty();
    }
}
