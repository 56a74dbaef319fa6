package dev.custommodels.benchmarks;

import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A 12-attribute Customer entity of N generated rows with typed values (text, integers, decimals, booleans, dates,
 * date-times; every seventh name holds a comma), made as they are read. {@link #line(Object[], StringBuilder)}
 * writes a row as the export does, for the plain-writer baseline.
 */
final class BenchCustomers implements EntitySource {
    static final EntitySchema SCHEMA = new EntitySchema("BenchCustomer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Age", DataType.INTEGER),
            Attribute.of("Balance", DataType.NUMBER),
            Attribute.of("Name", DataType.STRING),
            Attribute.of("Active", DataType.BOOLEAN),
            Attribute.of("Since", DataType.DATE),
            Attribute.of("Score", DataType.NUMBER),
            Attribute.of("City", DataType.STRING),
            Attribute.of("Orders", DataType.INTEGER),
            Attribute.of("LastSeen", DataType.DATETIME),
            Attribute.of("Segment", DataType.STRING),
            Attribute.of("Tenure", DataType.INTEGER)), "CustomerId");
    private static final String[] CITIES = {"Paris", "Lyon", "Berlin", "Madrid", "Oslo", "Rome", "Vienna"};
    private static final String[] SEGMENTS = {"gold", "silver", "bronze"};
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final OffsetDateTime SEEN = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final long rows;

    BenchCustomers(long rows) {
        this.rows = rows;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        SCHEMA.attributes().forEach(a -> names.add(a.name()));
        return names;
    }

    @Override
    public EntitySchema schema() {
        return SCHEMA;
    }

    @Override
    public RowCursor open() {
        return new RowCursor() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Row next() {
                if (i >= rows) {
                    throw new NoSuchElementException();
                }
                return new Row(SCHEMA, values(i++));
            }

            @Override
            public void close() {
            }
        };
    }

    static Object[] values(long i) {
        return new Object[] {"C" + i, 18 + i % 70, (i % 100_000) + (i % 97) / 100.0,
                i % 7 == 0 ? "Doe, J" + (i % 1000) : "Name" + (i % 1000), i % 2 == 0,
                EPOCH.plusDays(i % 8000), (i % 1000) / 8.0, CITIES[(int) (i % CITIES.length)], i % 50,
                SEEN.plusSeconds(i * 37), SEGMENTS[(int) (i % SEGMENTS.length)], i % 120};
    }

    /** Writes a row as CSV text the way a plain program would, the same bytes as the export. */
    static void line(Object[] v, StringBuilder b) {
        for (int c = 0; c < v.length; c++) {
            if (c > 0) {
                b.append(',');
            }
            Object x = v[c];
            if (x instanceof String s) {
                if (s.indexOf(',') >= 0) {
                    b.append('"').append(s).append('"');
                } else {
                    b.append(s);
                }
            } else if (x instanceof OffsetDateTime t) {
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(t, b);
            } else {
                b.append(x);
            }
        }
        b.append('\n');
    }
}
