package dev.custommodels.connectors.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A job's collected output, parsed: one header and the data rows of every part, in order. */
record Collected(List<String> header, List<List<String>> rows) {

    static JobStatus pollToEnd(Connector connector, JobHandle handle) {
        for (int i = 0; i < 100_000; i++) {
            JobStatus s = connector.poll(handle);
            if (s.state().isTerminal()) {
                return s;
            }
        }
        throw new AssertionError("The job did not end.");
    }

    static Collected read(LakeStore lake, List<String> paths) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (String p : paths) {
            List<List<String>> records = parse(new String(lake.readAll(p), StandardCharsets.UTF_8));
            if (header == null) {
                header = records.get(0);
            } else {
                assertThat(records.get(0)).as("header of %s", p).isEqualTo(header);
            }
            rows.addAll(records.subList(1, records.size()));
        }
        return new Collected(header, rows);
    }

    int column(String name) {
        int i = header.indexOf(name);
        assertThat(i).as("column %s in %s", name, header).isNotNegative();
        return i;
    }

    /** Checks that row {@code n} relates to staged row {@code n} and holds the model's scores for it. */
    void assertScoresEveryStagedRowInOrder(int expectedRows) {
        assertThat(rows).hasSize(expectedRows);
        int id = column("CustomerId");
        int label = column("Scored Labels");
        int prob = column("Scored Probabilities");
        int plan = column("plan");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < expectedRows && mismatches.size() < 10; i++) {
            List<String> r = rows.get(i);
            Map<String, String> expected = StudioTestbed.expected(i);
            if (!r.get(id).equals(StudioTestbed.customerId(i))
                    || !r.get(prob).equals(expected.get("Scored Probabilities"))
                    || !r.get(label).equals(expected.get("Scored Labels"))
                    || !r.get(plan).equals(StudioTestbed.row(i).get(3))) {
                mismatches.add("row " + i + ": " + r + " expected " + StudioTestbed.customerId(i) + " " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                started = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                started = true;
            } else if (c == '\n') {
                if (started || f.length() > 0) {
                    fields.add(f.toString());
                    records.add(fields);
                }
                fields = new ArrayList<>();
                f.setLength(0);
                started = false;
            } else if (c != '\r') {
                f.append(c);
                started = true;
            }
        }
        if (started || f.length() > 0) {
            fields.add(f.toString());
            records.add(fields);
        }
        return records;
    }
}
