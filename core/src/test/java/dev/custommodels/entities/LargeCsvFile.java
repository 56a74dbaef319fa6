package dev.custommodels.entities;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a large CSV entity quickly: five columns, every seventh name quoted with a comma and a doubled quote. */
final class LargeCsvFile {
    static final EntitySchema SCHEMA = new EntitySchema("Customer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Age", DataType.INTEGER),
            Attribute.of("Balance", DataType.NUMBER),
            Attribute.of("Name", DataType.STRING),
            Attribute.of("Active", DataType.BOOLEAN)), "CustomerId");

    private LargeCsvFile() {
    }

    /**
     * Writes the file.
     *
     * @param file where
     * @param rows how many data rows
     * @return the sum of the lengths of the Name values as a reader must see them
     * @throws IOException if writing fails
     */
    static long write(Path file, long rows) throws IOException {
        long checksum = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CustomerId,Age,Balance,Name,Active\r\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                line.append('C').append(i).append(',').append(18 + i % 70).append(',')
                        .append(i % 100_000).append('.').append(i % 100).append(',');
                if (i % 7 == 0) {
                    line.append("\"Doe, J \"\"").append(i % 1000).append("\"\"\"");
                    checksum += 9 + digits(i % 1000); // Doe, J "<n>"
                } else {
                    line.append("Name").append(i % 1000);
                    checksum += 4 + digits(i % 1000);
                }
                line.append(',').append(i % 2 == 0 ? "true" : "false").append("\r\n");
                out.append(line);
            }
        }
        return checksum;
    }

    private static int digits(long n) {
        return Long.toString(n).length();
    }
}
