package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEntitiesAndReportTest {

    private static List<Row> read(dev.custommodels.entities.EntitySource source) {
        List<Row> rows = new ArrayList<>();
        try (RowCursor c = source.open()) {
            c.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void sampleCustomersAreDeterministicAndKeyedByTheirIndex() {
        List<Row> first = read(SampleEntities.customers(500));
        List<Row> second = read(SampleEntities.customers(500));
        assertThat(first).hasSize(500);
        assertThat(first.get(0).key()).isEqualTo(SampleEntities.customerId(0));
        assertThat(first.get(499).key()).isEqualTo(SampleEntities.customerId(499));
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).toString()).isEqualTo(second.get(i).toString());
        }
        assertThat(first.stream().map(Row::key).distinct()).hasSize(500);
    }

    @Test
    void purchasesReferToGeneratedCustomers() {
        List<Row> purchases = read(SampleEntities.purchases(100));
        assertThat(purchases).hasSize(300);
        List<String> ids = read(SampleEntities.customers(100)).stream().map(r -> (String) r.key()).toList();
        assertThat(purchases).allMatch(p -> ids.contains((String) p.get("CustomerId")));
    }

    @Test
    void reportIsSelfContainedHtmlWithAHistogramBarPerBin(@TempDir Path dir) throws Exception {
        RunReport.Histogram h = RunReport.Histogram.of(0, 1, 10);
        for (int i = 0; i < 1000; i++) {
            h.add((i % 100) / 100.0);
        }
        h.add(5.0);
        assertThat(h.total()).isEqualTo(1001);
        assertThat(h.counts()[9]).isEqualTo(101);
        RunReport report = new RunReport("Run <1>", Map.of("Rows scored", "1000"), List.of("Field", "Attribute"),
                List.of(List.of("cust_id", "Customer.CustomerId")), Map.of("Run id", "r1"), "churn_score", h);
        Path file = dir.resolve("report.html");
        report.write(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Run &lt;1&gt;").contains("<svg")
                .contains("Customer.CustomerId").doesNotContain("<script").doesNotContain("src=\"http");
        assertThat(html.split("<rect ", -1)).hasSize(11);
    }

    @Test
    void reportKeepsTheFiguresInTheOrderGiven(@TempDir Path dir) throws Exception {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        List.of("Rows sent", "Rows scored", "Rows related", "Unknown IDs", "Duplicate IDs", "Errors")
                .forEach(k -> figures.put(k, "1"));
        RunReport report = new RunReport("Run", figures, List.of("Field"), List.of(), Map.of(), "score",
                RunReport.Histogram.of(0, 1, 2));
        assertThat(report.figures().keySet()).containsExactlyElementsOf(figures.keySet());
        Path file = dir.resolve("r.html");
        report.write(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        int previous = -1;
        for (String name : figures.keySet()) {
            int at = html.indexOf(name);
            assertThat(at).as(name).isGreaterThan(previous);
            previous = at;
        }
    }
}
