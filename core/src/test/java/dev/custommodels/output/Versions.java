package dev.custommodels.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import java.util.BitSet;
import java.util.List;

/**
 * Versions whose completeness a reader can check on its own: version k has {@link #rows(int)} rows, each with
 * the marker {@code m-k} and a distinct sequence number from 0.
 */
final class Versions {
    static final EntitySchema SCHEMA = new EntitySchema("marked", List.of(
            Attribute.of("CustomerId", DataType.STRING), Attribute.of("Marker", DataType.STRING),
            Attribute.of("Seq", DataType.INTEGER), Attribute.of("Score", DataType.NUMBER)), "CustomerId");

    private Versions() {
    }

    static int rows(int k) {
        return 150 + (k * 53) % 250;
    }

    static String runId(int k) {
        return "run-" + k;
    }

    static OutputCommitResult write(OutputEntityClient client, String entity, int k) {
        try (OutputEntityWriter w = client.openWriter(entity, SCHEMA, "CustomerId", runId(k), OutputFixtures.MODEL,
                OutputFixtures.SCORED_AT)) {
            writeRows(w, k);
            return w.commit();
        }
    }

    static void writeRows(OutputEntityWriter w, int k) {
        for (int i = 0; i < rows(k); i++) {
            w.write("c-" + i, "m-" + k, (long) i, i / 1000.0);
        }
    }

    /**
     * Checks that rows are exactly one whole version.
     *
     * @return the version number
     */
    static int assertWholeVersion(List<OutputRow> rows) {
        assertThat(rows).isNotEmpty();
        String marker = rows.get(0).getString("Marker");
        int k = Integer.parseInt(marker.substring(2));
        BitSet seen = new BitSet();
        for (OutputRow r : rows) {
            assertThat(r.getString("Marker")).as("a row of another version among those of " + marker)
                    .isEqualTo(marker);
            assertThat(r.getString("RunId")).isEqualTo(runId(k));
            int seq = r.getLong("Seq").intValue();
            assertThat(seen.get(seq)).as("row " + seq + " of " + marker + " twice").isFalse();
            seen.set(seq);
        }
        assertThat(rows).as("rows of version " + marker).hasSize(rows(k));
        return k;
    }
}
