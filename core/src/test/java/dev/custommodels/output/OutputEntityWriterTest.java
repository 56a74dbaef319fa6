package dev.custommodels.output;

import static dev.custommodels.output.OutputFixtures.MODEL;
import static dev.custommodels.output.OutputFixtures.SCHEMA;
import static dev.custommodels.output.OutputFixtures.SCORED_AT;
import static dev.custommodels.output.OutputFixtures.row;
import static dev.custommodels.output.OutputFixtures.writeVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.spi.LakeObjectInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputEntityWriterTest {
    @TempDir
    Path dir;
    LocalLakeStore lake;
    OutputEntityClient client;

    @BeforeEach
    void setUp() {
        lake = new LocalLakeStore(dir);
        client = new OutputEntityClientBuilder().lakeStore(lake).targetRowsPerPartition(100).buildClient();
    }

    @Test
    void commitWritesCdmFolderWithModelJsonAndHeaderlessCsvPartitions() throws Exception {
        OutputCommitResult result = writeVersion(client, "Churn", "run-1", 250);

        assertThat(result.version().rowCount()).isEqualTo(250);
        assertThat(result.version().partitionPaths()).hasSize(3);
        assertThat(result.etag()).isEqualTo(lake.stat("entities/Churn/model.json").orElseThrow().etag());
        JsonNode model = new ObjectMapper().readTree(lake.readAll("entities/Churn/model.json"));
        assertThat(model.path("name").asText()).isEqualTo("Churn");
        assertThat(model.path("version").asText()).isEqualTo("1.0");
        JsonNode entity = model.path("entities").path(0);
        assertThat(entity.path("$type").asText()).isEqualTo("LocalEntity");
        assertThat(entity.path("name").asText()).isEqualTo("Churn");
        List<String> attributes = names(entity.path("attributes"), "name");
        assertThat(attributes).containsExactly("CustomerId", "Score", "Segment", "Active", "Visits", "Since",
                "LastSeen", "RunId", "ScoredAt", "ModelReference");
        assertThat(names(entity.path("attributes"), "dataType")).containsExactly("string", "double", "string",
                "boolean", "int64", "dateTime", "dateTimeOffset", "string", "dateTimeOffset", "string");
        JsonNode partition = entity.path("partitions").path(0);
        assertThat(partition.path("name").asText()).isEqualTo("part-00000");
        assertThat(partition.path("location").asText()).startsWith("v/run-1/part-00000-").endsWith(".csv");
        assertThat(partition.path("fileFormatSettings").path("$type").asText()).isEqualTo("CsvFormatSettings");
        assertThat(partition.path("fileFormatSettings").path("columnHeaders").asBoolean(true)).isFalse();
        long rows = 0;
        for (String path : result.version().partitionPaths()) {
            String csv = new String(lake.readAll(path), StandardCharsets.UTF_8);
            assertThat(csv).doesNotContain("CustomerId");
            rows += csv.lines().count();
            assertThat(lake.stat(path.replace(".csv", ".idx"))).isPresent();
        }
        assertThat(rows).isEqualTo(250);
    }

    @Test
    void everyValueRoundTripsWithItsType() {
        try (OutputEntityWriter w = client.openWriter("Types", SCHEMA, "CustomerId", "r1", MODEL, SCORED_AT)) {
            w.write("a,b", 0.25, "say \"hi\"\nbye", true, 7L, LocalDate.of(2024, 2, 29),
                    OffsetDateTime.parse("2024-05-01T02:00:00+02:00"));
            w.write("ü-ß-日本", "1e3", "", "0", "12", "2024-01-01", "2024-01-01T00:00:00");
            w.write("nulls", null, null, null, null, null, null);
            w.commit();
        }
        OutputRow a = one("Types", "CustomerId eq 'a,b'");
        assertThat(a.getDouble("Score")).isEqualTo(0.25);
        assertThat(a.getString("Segment")).isEqualTo("say \"hi\"\nbye");
        assertThat(a.getBoolean("Active")).isTrue();
        assertThat(a.getLong("Visits")).isEqualTo(7L);
        assertThat(a.getDate("Since")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(a.getDateTime("LastSeen")).isEqualTo(OffsetDateTime.parse("2024-05-01T00:00:00Z"));
        assertThat(a.getString("RunId")).isEqualTo("r1");
        assertThat(a.getDateTime("ScoredAt")).isEqualTo(SCORED_AT);
        assertThat(a.getString("ModelReference")).isEqualTo(MODEL.displayString());
        OutputRow b = one("Types", "CustomerId eq 'ü-ß-日本'");
        assertThat(b.values().subList(1, 7)).containsExactly(1000.0, "", false, 12L, LocalDate.of(2024, 1, 1),
                OffsetDateTime.parse("2024-01-01T00:00:00Z"));
        OutputRow n = one("Types", "CustomerId eq 'nulls'");
        assertThat(n.values().subList(1, 7)).containsOnlyNulls();
    }

    @Test
    void aBadValueRejectsOnlyItsRowAndNamesTheAttribute() {
        try (OutputEntityWriter w = client.openWriter("Bad", SCHEMA, "CustomerId", "r1", MODEL, SCORED_AT)) {
            assertThatThrownBy(() -> w.write("c1", "high", null, null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("attribute 'Score' (NUMBER)").hasMessageContaining("'high'")
                    .hasMessageContaining("not written");
            assertThatThrownBy(() -> w.write(null, 1.0, null, null, null, null, null))
                    .hasMessageContaining("no Customer ID");
            assertThatThrownBy(() -> w.write("c1", 1.0))
                    .hasMessageContaining("has 2 values").hasMessageContaining("takes 7");
            w.write(row(1));
            assertThat(w.commit().version().rowCount()).isEqualTo(1);
        }
    }

    @Test
    void partitionCountScalesWithRowCount() {
        assertThat(writeVersion(client, "Small", "r1", 0).version().partitionPaths()).hasSize(1);
        assertThat(writeVersion(client, "Small", "r2", 100).version().partitionPaths()).hasSize(1);
        assertThat(writeVersion(client, "Small", "r3", 101).version().partitionPaths()).hasSize(2);
        assertThat(writeVersion(client, "Small", "r4", 1000).version().partitionPaths()).hasSize(10);
        assertThat(client.query("Small", (String) null).stream().count()).isEqualTo(1000);
    }

    @Test
    void onlyTheLastNVersionsAreKeptAndOlderFilesDeleted() {
        OutputEntityClient keepTwo = new OutputEntityClientBuilder().lakeStore(lake).retainedVersions(2)
                .buildClient();
        for (int run = 1; run <= 4; run++) {
            OutputCommitResult r = writeVersion(keepTwo, "Kept", "run-" + run, 10 * run);
            assertThat(r.retainedRunIds()).first().isEqualTo("run-" + run);
        }
        assertThat(keepTwo.listVersions("Kept")).extracting(OutputEntityVersion::runId)
                .containsExactly("run-4", "run-3");
        assertThat(files("entities/Kept/v/")).allMatch(p -> p.startsWith("entities/Kept/v/run-4/")
                || p.startsWith("entities/Kept/v/run-3/"));
        assertThat(keepTwo.query("Kept", new OutputQueryOptions().setAsOfRunId("run-3")).stream().count())
                .isEqualTo(30);
        assertThatThrownBy(() -> keepTwo.query("Kept", new OutputQueryOptions().setAsOfRunId("run-1")))
                .isInstanceOf(OutputEntityNotFoundException.class)
                .hasMessageContaining("no version of run 'run-1'").hasMessageContaining("[run-4, run-3]");
    }

    @Test
    void committingARunIdAgainReplacesItsVersionWithoutDuplicates() {
        writeVersion(client, "Rerun", "run-1", 50);
        writeVersion(client, "Rerun", "run-2", 20);
        OutputCommitResult again = writeVersion(client, "Rerun", "run-2", 20);

        assertThat(again.retainedRunIds()).containsExactly("run-2", "run-1");
        assertThat(client.query("Rerun", (String) null).stream().count()).isEqualTo(20);
        assertThat(client.query("Rerun", "CustomerId eq 'c-3'").stream().count()).isEqualTo(1);
        assertThat(files("entities/Rerun/v/run-2/").stream().filter(p -> p.endsWith(".csv"))
                .collect(Collectors.toList())).hasSize(again.version().partitionPaths().size());
        assertThat(client.findVersion("Rerun", "run-2")).map(OutputEntityVersion::generation).contains(3L);
    }

    @Test
    void ofTwoWritersOpenedTogetherTheFirstCommitWinsAndTheOtherConflicts() {
        writeVersion(client, "Race", "base", 5);
        OutputEntityWriter a = client.openWriter("Race", SCHEMA, "CustomerId", "run-a", MODEL, SCORED_AT);
        OutputEntityWriter b = client.openWriter("Race", SCHEMA, "CustomerId", "run-b", MODEL, SCORED_AT);
        for (int i = 0; i < 30; i++) {
            a.write(row(i));
            b.write(row(i + 1000));
        }
        a.commit();
        assertThatThrownBy(b::commit).isInstanceOf(OutputConflictException.class)
                .hasMessageContaining("run 'run-b'").hasMessageContaining("another writer committed");

        assertThat(client.getCurrentVersion("Race").runId()).isEqualTo("run-a");
        assertThat(client.query("Race", "RunId ne 'run-a'").stream().count()).isZero();
        assertThat(files("entities/Race/v/run-b/")).isEmpty();
    }

    @Test
    void twoFirstVersionsRaceOnCreateOnly() {
        OutputEntityWriter a = client.openWriter("Fresh", SCHEMA, "CustomerId", "a", MODEL, SCORED_AT);
        OutputEntityWriter b = client.openWriter("Fresh", SCHEMA, "CustomerId", "b", MODEL, SCORED_AT);
        a.write(row(1));
        b.write(row(2));
        b.commit();
        assertThatThrownBy(a::commit).isInstanceOf(OutputConflictException.class)
                .hasMessageContaining("created the entity");
        assertThat(client.getCurrentVersion("Fresh").runId()).isEqualTo("b");
    }

    @Test
    void anAbortedOrClosedWriterLeavesNothingBehind() {
        try (OutputEntityWriter w = client.openWriter("Gone", SCHEMA, "CustomerId", "r1", MODEL, SCORED_AT)) {
            w.write(row(1));
        }
        OutputEntityWriter w = client.openWriter("Gone", SCHEMA, "CustomerId", "r2", MODEL, SCORED_AT);
        w.write(row(1));
        w.abort();
        assertThatThrownBy(() -> w.write(row(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aborted");
        assertThat(files("entities/Gone/")).isEmpty();
        assertThatThrownBy(() -> client.query("Gone", (String) null))
                .isInstanceOf(OutputEntityNotFoundException.class).hasMessageContaining("no output entity 'Gone'");
    }

    @Test
    void invalidNamesAreErrorsThatNameThem() {
        String tooLong = "E".repeat(257);
        for (String bad : new String[] {"", "a/b", "a\\b", "tab\there", "dot.name", " lead", "quote\"", tooLong}) {
            assertThatThrownBy(() -> client.openWriter(bad, SCHEMA, "CustomerId", "r", MODEL, SCORED_AT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The output entity name '" + OutputFixturesNames.shown(bad) + "'");
        }
        assertThatThrownBy(() -> OutputEntityClient.validateEntityName(tooLong))
                .hasMessageContaining("257 characters, more than the 256");
        assertThat(OutputEntityClient.validateEntityName("E".repeat(256))).hasSize(256);
        EntitySchema badAttr = new EntitySchema("x", List.of(Attribute.of("CustomerId", DataType.STRING),
                Attribute.of("a/b", DataType.NUMBER)), "CustomerId");
        assertThatThrownBy(() -> client.openWriter("Ok", badAttr, "CustomerId", "r", MODEL, SCORED_AT))
                .hasMessageContaining("attribute name 'a/b'");
        EntitySchema ctrl = new EntitySchema("x", List.of(Attribute.of("CustomerId", DataType.STRING),
                Attribute.of("bell\u0007", DataType.NUMBER)), "CustomerId");
        assertThatThrownBy(() -> client.openWriter("Ok", ctrl, "CustomerId", "r", MODEL, SCORED_AT))
                .hasMessageContaining("'bell\\u0007'").hasMessageContaining("control character U+0007");
        assertThatThrownBy(() -> client.openWriter("Ok", SCHEMA, "CustomerId", "../etc", MODEL, SCORED_AT))
                .hasMessageContaining("run id '../etc'");
        assertThatThrownBy(() -> client.openWriter("Ok", SCHEMA, "Score", "r", MODEL, SCORED_AT))
                .hasMessageContaining("'Score'").hasMessageContaining("must be STRING or INTEGER");
        assertThatThrownBy(() -> client.openWriter("Ok", SCHEMA, "Cust", "r", MODEL, SCORED_AT))
                .hasMessageContaining("'Cust' is not among the result attributes");
        EntitySchema clash = new EntitySchema("x", List.of(Attribute.of("CustomerId", DataType.STRING),
                Attribute.of("runid", DataType.STRING)), "CustomerId");
        assertThatThrownBy(() -> client.openWriter("Ok", clash, "CustomerId", "r", MODEL, SCORED_AT))
                .hasMessageContaining("clashes with the lineage column 'RunId'");
        assertThat(files("")).isEmpty();
    }

    @Test
    void integerCustomerIdsAreLookedUpByNumber() {
        EntitySchema schema = new EntitySchema("x", List.of(Attribute.of("Id", DataType.INTEGER),
                Attribute.of("Score", DataType.NUMBER)), "Id");
        try (OutputEntityWriter w = client.openWriter("Ints", schema, "Id", "r1", MODEL, SCORED_AT)) {
            for (long i = 0; i < 500; i++) {
                w.write(i, i / 500.0);
            }
            w.commit();
        }
        assertThat(client.query("Ints", "Id eq 42").stream().map(r -> r.getDouble("Score")))
                .containsExactly(42 / 500.0);
        assertThat(client.query("Ints", "Id in (7, 8.0, 9.5)").stream().map(r -> r.getLong("Id")))
                .containsExactlyInAnyOrder(7L, 8L);
    }

    private OutputRow one(String entity, String filter) {
        List<OutputRow> rows = client.query(entity, filter).stream().toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<String> files(String prefix) {
        try (var s = lake.list(prefix)) {
            return s.map(LakeObjectInfo::path).toList();
        }
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
