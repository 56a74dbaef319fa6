package dev.custommodels.output;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Shared schema, rows and settings of the output entity tests. */
final class OutputFixtures {
    static final ModelReference MODEL = new ModelReference("aml-batch-endpoint", "tenant-1", "ws-1", "churn", null);
    static final OffsetDateTime SCORED_AT = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    static final EntitySchema SCHEMA = new EntitySchema("ChurnResults", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Score", DataType.NUMBER),
            Attribute.of("Segment", DataType.STRING),
            Attribute.of("Active", DataType.BOOLEAN),
            Attribute.of("Visits", DataType.INTEGER),
            Attribute.of("Since", DataType.DATE),
            Attribute.of("LastSeen", DataType.DATETIME)), "CustomerId");

    private OutputFixtures() {
    }

    static Object[] row(int i) {
        return new Object[] {"c-" + i, (i % 100) / 100.0, "seg" + (i % 7), i % 2 == 0, (long) i,
            LocalDate.of(2020, 1, 1).plusDays(i % 1000), SCORED_AT.minusHours(i % 48)};
    }

    static OutputCommitResult writeVersion(OutputEntityClient client, String entity, String runId, int rows) {
        try (OutputEntityWriter w = client.openWriter(entity, SCHEMA, "CustomerId", runId, MODEL, SCORED_AT)) {
            for (int i = 0; i < rows; i++) {
                w.write(row(i));
            }
            return w.commit();
        }
    }
}
