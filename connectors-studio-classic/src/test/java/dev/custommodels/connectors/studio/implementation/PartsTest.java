package dev.custommodels.connectors.studio.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.custommodels.models.DataType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connector's small parts, tested on their own. */
class PartsTest {

    @Test
    void csvIndexesChunksByByteOffsetAcrossQuotedLineBreaksAndCrLf() throws Exception {
        String text = "id,note\r\n1,plain\r\n2,\"two\nlines, and \"\"quotes\"\"\"\r\n\r\n3,é\n4,last";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Csv.Index index = Csv.index(new ByteArrayInputStream(bytes), 2);
        assertThat(index.header()).containsExactly("id", "note");
        assertThat(index.rows()).isEqualTo(4);
        assertThat(index.spans()).extracting(Csv.Span::rows).containsExactly(2, 2);
        List<List<String>> all = new ArrayList<>();
        for (Csv.Span span : index.spans()) {
            InputStream in = new ByteArrayInputStream(bytes);
            Csv.skipFully(in, span.offset());
            try (Csv.RecordReader r = Csv.reader(in)) {
                for (int i = 0; i < span.rows(); i++) {
                    all.add(r.next());
                }
            }
        }
        assertThat(all).containsExactly(List.of("1", "plain"), List.of("2", "two\nlines, and \"quotes\""),
                List.of("3", "é"), List.of("4", "last"));
    }

    @Test
    void csvWritesFieldsThatReadBackTheSame() {
        StringBuilder b = new StringBuilder();
        List<String> record = List.of("a,b", "say \"hi\"", "x\ny", "", "plain");
        Csv.append(b, record);
        try (Csv.RecordReader r = Csv.reader(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)))) {
            assertThat(r.next()).isEqualTo(record);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void typesMapAsTheReferenceSaysAndUnknownOnesDoNot() {
        assertThat(TypeMapping.map("integer", "int64")).contains(DataType.INTEGER);
        assertThat(TypeMapping.map("Integer", "Int32")).contains(DataType.INTEGER);
        assertThat(TypeMapping.map("number", "float")).contains(DataType.NUMBER);
        assertThat(TypeMapping.map("Number", "Double")).contains(DataType.NUMBER);
        assertThat(TypeMapping.map("string", "date-time")).contains(DataType.DATETIME);
        assertThat(TypeMapping.map("String", "Date-time")).contains(DataType.DATETIME);
        assertThat(TypeMapping.map("boolean", null)).contains(DataType.BOOLEAN);
        assertThat(TypeMapping.map("string", null)).contains(DataType.STRING);
        assertThat(TypeMapping.map("number", "complex64")).isEmpty();
        assertThat(TypeMapping.map("object", null)).isEmpty();
        assertThat(TypeMapping.map("string", "binary")).isEmpty();
        assertThat(TypeMapping.map(null, null)).isEmpty();
    }

    @Test
    void besStatusCodesAreReadAsStringsOrNumbers() {
        assertThat(BesJobs.statusCode(new IntNode(4))).isEqualTo("Finished");
        assertThat(BesJobs.statusCode(new IntNode(0))).isEqualTo("NotStarted");
        assertThat(BesJobs.statusCode(new IntNode(3))).isEqualTo("Cancelled");
        assertThat(BesJobs.statusCode(new TextNode("running"))).isEqualTo("Running");
        assertThat(BesJobs.statusCode(new TextNode("Canceled"))).isEqualTo("Cancelled");
        assertThat(BesJobs.statusCode(new TextNode("Queued"))).isEqualTo("Queued");
    }

    @Test
    void retryAfterIsReadInMillisecondsSecondsOrAsADate() {
        Http http = new Http(Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC));
        assertThat(http.retryAfter(new HttpHeaders().set(HttpHeaderName.fromString("retry-after-ms"), "250")))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(http.retryAfter(new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "7")))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(http.retryAfter(new HttpHeaders().set(HttpHeaderName.RETRY_AFTER,
                "Sat, 01 Jun 2024 10:00:30 GMT"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Optional.ofNullable(http.retryAfter(new HttpHeaders()))).isEmpty();
    }

    @Test
    void rowsJoinTheStagedColumnsTheOutputLacks() {
        RowJoiner j = new RowJoiner(List.of("CustomerId", "Score"), List.of("CustomerId", "age", "plan"));
        assertThat(j.header()).containsExactly("CustomerId", "Score", "age", "plan");
        assertThat(j.join(List.of("C1", "0.9"), List.of("C1", "34", "gold"))).containsExactly("C1", "0.9", "34",
                "gold");
        assertThat(new RowJoiner(List.of("a", "b"), List.of("b", "a")).isIdentity()).isTrue();
    }

    @Test
    void rrsResponsesAreReadInEitherFormatWhateverTheCasingOrTheTypeMarker() {
        byte[] table = ("{\"results\":{\"other\":{\"type\":\"table\",\"value\":{\"ColumnNames\":[\"x\"],"
                + "\"Values\":[[\"9\"]]}},\"output1\":{\"type\":\"DataTable\",\"value\":{\"columnNames\":[\"a\","
                + "\"b\"],\"ColumnTypes\":[\"Int32\",\"Double\"],\"values\":[[\"1\",0.5],[null,true]]}}}}")
                .getBytes(StandardCharsets.UTF_8);
        RrsBodies.Table t = RrsBodies.response(table, "output1", List.of());
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.rows()).containsExactly(List.of("1", "0.5"), List.of("", "true"));
        assertThat(RrsBodies.response(table, null, List.of()).rows()).containsExactly(List.of("9"));
        byte[] records = "{\"Results\":{\"output1\":[{\"b\":\"2\",\"a\":\"1\"},{\"c\":\"3\"}]}}"
                .getBytes(StandardCharsets.UTF_8);
        RrsBodies.Table r = RrsBodies.response(records, "output1", List.of("a"));
        assertThat(r.columns()).containsExactly("a", "b", "c");
        assertThat(r.rows()).containsExactly(List.of("1", "2", ""), List.of("", "", "3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RrsBodies.response(records, "scores", List.of()))
                .hasMessageContaining("no output 'scores'").hasMessageContaining("[output1]");
    }

    @Test
    void secretsDoNotPrintThemselves() {
        assertThat(new Secret("abc123").toString()).doesNotContain("abc123");
    }

    @Test
    void credentialsGoOnlyOverHttpsOrToTheLocalMachine() {
        assertThat(BearerPolicy.isLocal("127.0.0.1")).isTrue();
        assertThat(BearerPolicy.isLocal("emulator.invalid")).isTrue();
        assertThat(BearerPolicy.isLocal("management.azure.com")).isFalse();
    }
}
