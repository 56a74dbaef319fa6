package dev.custommodels.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEntitySourceTest {
    private static final EntitySchema SCHEMA = new EntitySchema("Purchase", List.of(
            Attribute.of("Id", DataType.INTEGER),
            Attribute.of("Amount", DataType.NUMBER),
            Attribute.of("On", DataType.DATE)), "Id");

    @Test
    void widensSmallNumbersAndKeepsRawText() {
        InMemoryEntitySource source = InMemoryEntitySource.builder(SCHEMA)
                .addRow(1, 2.5f, LocalDate.of(2024, 1, 2))
                .addRow(2L, null, "2024-01-03")
                .build();
        List<Row> rows = new ArrayList<>();
        try (RowCursor c = source.open()) {
            c.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("Id")).isEqualTo(1L);
        assertThat(rows.get(0).get("Amount")).isEqualTo(2.5);
        assertThat(rows.get(1).get("On")).isEqualTo("2024-01-03");
        assertThat(rows.get(1).key()).isEqualTo(2L);
    }

    @Test
    void rejectsWrongCountsAndTypesNamingRowAndAttribute() {
        assertThatThrownBy(() -> InMemoryEntitySource.builder(SCHEMA).addRow(1, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 0")
                .hasMessageContaining("has 2 values");
        assertThatThrownBy(() -> InMemoryEntitySource.of(SCHEMA, List.of(
                new Object[] {1, 1.0, null}, new Object[] {2, true, null})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 1")
                .hasMessageContaining("'Amount' is NUMBER")
                .hasMessageContaining("java.lang.Boolean");
    }

    @Test
    void eachCursorStartsAtTheFirstRowAndStopsWhenClosed() {
        InMemoryEntitySource source = InMemoryEntitySource.builder(SCHEMA).addRow(1, 1.0, null)
                .addRow(2, 2.0, null).build();
        RowCursor first = source.open();
        first.next();
        first.close();
        assertThat(first.hasNext()).isFalse();
        try (RowCursor second = source.open()) {
            assertThat(second.next().key()).isEqualTo(1L);
        }
        assertThat(source.size()).isEqualTo(2);
    }
}
