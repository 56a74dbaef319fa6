package dev.custommodels.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntityReadException;
import dev.custommodels.models.EntitySchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEntitySourceTest {
    private static final EntitySchema CUSTOMER = new EntitySchema("Customer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Name", DataType.STRING),
            Attribute.of("Age", DataType.INTEGER)), "CustomerId");

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasAndDoubledQuotes() throws IOException {
        Path file = write("CustomerId,Name,Age\n1,\"Smith, John \"\"JJ\"\"\",42\n");
        List<Row> rows = readAll(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Name")).isEqualTo("Smith, John \"JJ\"");
        assertThat(rows.get(0).get("Age")).isEqualTo("42");
    }

    @Test
    void readsLineBreaksInsideQuotedFieldsAndCountsThemAsLines() throws IOException {
        Path file = write("CustomerId,Name,Age\r\n1,\"two\r\nlines\",3\r\n2,\"a\nb\nc\",4\r\n3,x\r\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 7")
                .hasMessageContaining("2 fields but the header has 3")
                .extracting(e -> ((EntityReadException) e).getLine()).isEqualTo(7L);
        List<Row> rows = new ArrayList<>();
        try (RowCursor c = CsvEntitySource.of(CUSTOMER, file).open()) {
            rows.add(c.next());
            rows.add(c.next());
        }
        assertThat(rows.get(0).get("Name")).isEqualTo("two\r\nlines");
        assertThat(rows.get(1).get("Name")).isEqualTo("a\nb\nc");
    }

    @Test
    void readsUtf8WithAndWithoutByteOrderMark() throws IOException {
        String text = "CustomerId,Name,Age\n1,Zoë Ångström,30\n";
        Path plain = write(text);
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        assertThat(readAll(plain).get(0).get("Name")).isEqualTo("Zoë Ångström");
        assertThat(readAll(bom).get(0).get("CustomerId")).isEqualTo("1");
        assertThat(readAll(bom).get(0).get("Name")).isEqualTo("Zoë Ångström");
    }

    @Test
    void readsCrlfAndLfLineEndsAndALastLineWithoutNewline() throws IOException {
        Path file = write("CustomerId,Name,Age\r\n1,a,1\n2,b,2\r\n3,c,3");
        assertThat(readAll(file)).extracting(r -> r.get("CustomerId")).containsExactly("1", "2", "3");
    }

    @Test
    void emptyUnquotedFieldIsNullAndQuotedEmptyFieldIsEmptyText() throws IOException {
        Path file = write("CustomerId,Name,Age\n1,,\n2,\"\",\"\"\n");
        List<Row> rows = readAll(file);
        assertThat(rows.get(0).get("Name")).isNull();
        assertThat(rows.get(0).get("Age")).isNull();
        assertThat(rows.get(1).get("Name")).isEqualTo("");
    }

    @Test
    void headerMayListAttributesInAnyOrderAndCase() throws IOException {
        Path file = write("age,NAME,customerid\n7,Ann,c1\n");
        Row row = readAll(file).get(0);
        assertThat(row.get(0)).isEqualTo("c1");
        assertThat(row.get(1)).isEqualTo("Ann");
        assertThat(row.get(2)).isEqualTo("7");
    }

    @Test
    void headerMismatchNamesMissingAndExtraColumns() throws IOException {
        Path file = write("CustomerId,FullName,Age,Email\n1,a,2,x@y\n");
        assertThatThrownBy(() -> CsvEntitySource.of(CUSTOMER, file).open())
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("missing columns [Name]")
                .hasMessageContaining("extra columns [FullName, Email]");
    }

    @Test
    void recordWithTooManyFieldsNamesFileAndLine() throws IOException {
        Path file = write("CustomerId,Name,Age\n1,a,2\n\n2,b,3,extra\n");
        try (RowCursor cursor = CsvEntitySource.of(CUSTOMER, file).open()) {
            assertThat(cursor.next().get("CustomerId")).isEqualTo("1");
            assertThatThrownBy(cursor::hasNext)
                    .isInstanceOf(EntityReadException.class)
                    .hasMessageContaining("Entity 'Customer'")
                    .hasMessageContaining("CSV file '" + file + "' at line 4")
                    .hasMessageContaining("4 fields but the header has 3");
        }
    }

    @Test
    void unclosedQuoteNamesTheLineWhereTheRecordStarts() throws IOException {
        Path file = write("CustomerId,Name,Age\n1,a,2\n2,\"never closed,3\nmore\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("at line 3")
                .hasMessageContaining("not closed");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws IOException {
        Path file = write("CustomerId,Name,Age\n1,\"a\"b,2\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("after the closing quote");
    }

    @Test
    void missingAndEmptyFilesAreErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvEntitySource.of(CUSTOMER, missing).open())
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("nope.csv")
                .hasMessageContaining("does not exist");
        Path empty = write("");
        assertThatThrownBy(() -> CsvEntitySource.of(CUSTOMER, empty).open())
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("needs a header row");
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, concat("CustomerId,Name,Age\n1,".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, ',', '2', '\n'}));
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("latin1.csv")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void eachOpenReadsFromTheStartAndReadHeaderReturnsTheColumns() throws IOException {
        Path file = write("\uFEFFCustomerId,Name,Age\n1,a,2\n2,b,3\n");
        CsvEntitySource source = CsvEntitySource.of(CUSTOMER, file);
        assertThat(readAll(file)).hasSize(2);
        assertThat(readAll(file)).hasSize(2);
        assertThat(CsvEntitySource.readHeader(file)).containsExactly("CustomerId", "Name", "Age");
        assertThat(source.schema()).isEqualTo(CUSTOMER);
    }

    private List<Row> readAll(Path file) {
        List<Row> rows = new ArrayList<>();
        try (RowCursor cursor = CsvEntitySource.of(CUSTOMER, file).open()) {
            cursor.forEachRemaining(rows::add);
        }
        return rows;
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "entity", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
