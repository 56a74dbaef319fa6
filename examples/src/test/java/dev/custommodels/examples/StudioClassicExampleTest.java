package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.output.OutputRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioClassicExampleTest {
    private static final long CUSTOMERS = StudioClassicExample.CUSTOMERS;

    @Test
    void scoresTheWebServiceByRequestResponseAndByBatchAndAnswersCustomerIdQueries(@TempDir Path dir)
            throws Exception {
        Printed printed = new Printed();
        StudioClassicExample.Result result = new StudioClassicExample(printed.out).run(dir, Duration.ZERO);
        String text = printed.text();
        System.out.println(text);

        assertThat(result.rrs().counts().committedRows()).isEqualTo(CUSTOMERS);
        assertThat(result.rrs().counts().resultRows()).isEqualTo(CUSTOMERS);
        assertThat(result.bes().counts().committedRows()).isEqualTo(CUSTOMERS);
        assertThat(result.bes().counts().resultRows()).isEqualTo(CUSTOMERS);
        assertThat(result.rrs().outputEntity()).isEqualTo("ClassicChurnRrs");
        assertThat(result.bes().outputEntity()).isEqualTo("ClassicChurnBes");
        // RRS sends 1,000 rows per call; BES submits one job and makes no scoring call of its own
        assertThat(result.scoringCalls()).isEqualTo((CUSTOMERS + 999) / 1000);
        assertThat(result.batchJobs()).isEqualTo(1);

        String id = SampleEntities.customerId(1234);
        OutputRow rrs = assertThat(result.rrsRows()).singleElement().actual();
        OutputRow bes = assertThat(result.besRows()).singleElement().actual();
        assertThat(rrs.getString("CustomerId")).isEqualTo(id);
        assertThat(bes.getString("CustomerId")).isEqualTo(id);
        assertThat(rrs.getDouble("Scored Probabilities")).isBetween(0.0, 1.0);
        assertThat(bes.getDouble("Scored Probabilities")).isEqualTo(rrs.getDouble("Scored Probabilities"));

        assertThat(text).contains("1. Request-response (studio-classic.mode = rrs)",
                "2. Batch execution (studio-classic.mode = bes)",
                "Found web service '" + StudioClassicExample.SERVICE + "' in workspace studio-churn",
                "committed      2,500 rows as version 1 of ClassicChurnRrs",
                "committed      2,500 rows as version 1 of ClassicChurnBes",
                "$filter=CustomerId eq '" + id + "'", "batch jobs     1 (scoring calls still 3)");
        assertThat(text.indexOf("ClassicChurnRrs")).isLessThan(text.indexOf("2. Batch execution"));
        assertThat(text).doesNotContain("sig=");
        // the BES job read its input from, and wrote its output to, the staging container the example served
        try (Stream<Path> staged = Files.walk(dir.resolve("staging"))) {
            assertThat(staged.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(".csv"));
        }
    }
}
