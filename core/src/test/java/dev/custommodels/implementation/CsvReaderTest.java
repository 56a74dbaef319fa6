package dev.custommodels.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void parsesTheSameRecordsWhateverTheBufferSize() throws IOException {
        String text = "\uFEFFa,b,c\r\n\"x,\"\"y\"\"\",,\"\"\r\n\"multi\r\nline\",2,3\n\n4,5,\"6\"\r7,8,9";
        List<List<String>> expected = read(text, 1 << 16);
        assertThat(expected).containsExactly(
                List.of("a", "b", "c"),
                listOf("x,\"y\"", null, ""),
                List.of("multi\r\nline", "2", "3"),
                List.of("4", "5", "6"),
                List.of("7", "8", "9"));
        for (int size = 1; size <= 9; size++) {
            assertThat(read(text, size)).as("buffer size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void reportsThePhysicalLineWhereEachRecordStarts() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("h\n\"a\nb\"\n\nc\r\nd"), 3);
        List<Long> lines = new ArrayList<>();
        while (reader.next() != null) {
            lines.add(reader.recordLine());
        }
        assertThat(lines).containsExactly(1L, 2L, 5L, 6L);
    }

    @Test
    void trailingCommaGivesANullLastField() throws IOException {
        assertThat(read("a,b,\n", 4)).containsExactly(listOf("a", "b", null));
        assertThat(read("a,b,", 4)).containsExactly(listOf("a", "b", null));
    }

    private static List<List<String>> read(String text, int bufferSize) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text), bufferSize)) {
            for (String[] r = reader.next(); r != null; r = reader.next()) {
                out.add(listOf(r));
            }
        }
        return out;
    }

    private static List<String> listOf(String... values) {
        return java.util.Arrays.asList(values);
    }
}
