package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job under its error threshold ends Completed with rows missing; they are reported, never dropped silently. */
class PartialFailureTest {
    private static final String OUT = "runs/wf-churn/run-1/collected/";

    @TempDir
    Path dir;

    private BatchTestbed bed;

    @BeforeEach
    void setUp() {
        bed = new BatchTestbed(dir);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void everyRowWithoutPredictionIsListedInTheMissingRowsFile() {
        bed.xgb.failEveryNthRow(10);
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-1", 250, bed.model("churn-batch", null), "input_data"));
        assertThat(BatchRunTest.pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        List<String> paths = connector.collect(handle, OUT);

        List<String> scored = new ArrayList<>();
        for (String p : paths) {
            scored.addAll(bed.lines(bed.lake, p).subList(1, bed.lines(bed.lake, p).size()));
        }
        List<String> failedIds = IntStream.range(0, 250).filter(i -> (i + 1) % 10 == 0)
                .mapToObj(BatchTestbed::customerId).toList();
        assertThat(scored).hasSize(225).noneMatch(l -> failedIds.contains(l.substring(0, l.indexOf(','))));

        List<String> missing = bed.lines(bed.lake, OUT + BatchEndpointOptions.MISSING_ROWS_FILE);
        assertThat(missing.get(0)).isEqualTo("file_name,row,CustomerId,tenure,monthlyCharges,contract");
        assertThat(missing.subList(1, missing.size())).extracting(l -> l.split(",")[2]).containsExactlyElementsOf(
                failedIds);
        assertThat(missing.get(1)).startsWith("part-00000.csv,9,c-00009,9,");
        assertThat(missing.get(11)).startsWith("part-00001.csv,9,c-00109,");
        assertThat(paths).doesNotContain(OUT + BatchEndpointOptions.MISSING_ROWS_FILE);
    }

    @Test
    void collectingAgainRewritesTheSameReport() {
        bed.xgb.failEveryNthRow(4);
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-1", 20, bed.model("churn-batch", null), "input_data"));
        BatchRunTest.pollToEnd(connector, handle);
        connector.collect(handle, OUT);
        List<String> first = bed.lines(bed.lake, OUT + BatchEndpointOptions.MISSING_ROWS_FILE);
        bed.connector().collect(handle, OUT);
        assertThat(bed.lines(bed.lake, OUT + BatchEndpointOptions.MISSING_ROWS_FILE)).isEqualTo(first).hasSize(6);
    }

    @Test
    void aJobOverItsErrorThresholdFailsWithTheServicesMessage() {
        bed.xgb.failEveryNthRow(10).errorThreshold(5);
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-2", 250, bed.model("churn-batch", null), "input_data"));
        JobStatus status = BatchRunTest.pollToEnd(connector, handle);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorMessage()).contains("25 items failed, more than the error threshold of 5");
    }

    @Test
    void anOutputThatDoesNotNameItsRowsFailsCollectionWhenRowsAreMissing() {
        bed.script.failEveryNthRow(10);
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(bed.stage("run-3", 250, bed.model("churn-batch", "xgb-script"),
                "input_data"));
        assertThat(BatchRunTest.pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThatThrownBy(() -> connector.collect(handle, OUT)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("225 output rows for 250 input rows")
                .hasMessageContaining("25 missing rows cannot be named");
    }
}
