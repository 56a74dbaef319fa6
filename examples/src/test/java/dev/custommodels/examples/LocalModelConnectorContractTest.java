package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.contract.ConnectorContractTest;
import dev.custommodels.testkit.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom connector of the examples passes the same contract suite as the Azure connectors. */
class LocalModelConnectorContractTest extends ConnectorContractTest {
    @TempDir
    Path dir;

    @Test
    void aValueTheModelCannotReadFailsTheJobNamingTheFieldAndTheRow() {
        fixture.failNextJob();
        Connector connector = fixture.newConnector();
        JobStatus status = pollToEnd(connector, connector.submit(fixture.stageJob("run-bad", 4)));
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorMessage()).isEqualTo("Field 'spend' of row 'c-0, Inc.' is not a number: 'n/a'.");
        assertThat(fixture.lake().stat("runs/wf-1/run-bad/connector/local-model/scores.csv")).isEmpty();
    }

    @Override
    protected Fixture createFixture() {
        LocalLakeStore lake = new LocalLakeStore(dir.resolve("lake"));
        LocalModelConnectorProvider provider = new LocalModelConnectorProvider(LocalModel.spendPropensity(),
                new LocalModel("upsell", "customer", Map.of(), 0));
        ModelReference model = new ModelReference(LocalModelConnectorProvider.NAME, "local",
                LocalModelConnector.WORKSPACE, "spend-propensity", null);
        return new Fixture() {
            private boolean badData;

            @Override
            public Connector newConnector() {
                // The connector makes no HTTP call; an emulator without services would answer any with 404.
                return provider.create(TestConnectorContext.builder().lake(lake)
                        .httpClient(Emulator.builder().build().httpClient()).build());
            }

            @Override
            public String tenantId() {
                return "local";
            }

            @Override
            public LakeStore lake() {
                return lake;
            }

            @Override
            public ModelReference eligibleModel() {
                return model;
            }

            @Override
            public String ineligibleServiceName() {
                return "upsell";
            }

            @Override
            public JobRequest stageJob(String runId, int rows) {
                String prefix = "runs/wf-1/" + runId + "/";
                List<String> paths = List.of(prefix + "inputs/rows/part-00000.csv",
                        prefix + "inputs/rows/part-00001.csv");
                write(paths.get(0), 0, rows / 2);
                write(paths.get(1), rows / 2, rows);
                badData = false;
                return new JobRequest(runId, "wf-1", model, newConnector().describeService(model),
                        List.of(new StagedInput("rows", paths, List.of("customer", "spend", "income", "children"),
                                rows)), Map.of(), OutputSettings.of("Scores"), prefix + "connector/", "customer");
            }

            private void write(String path, int from, int to) {
                StringBuilder csv = new StringBuilder("customer,spend,income,children\r\n");
                for (int i = from; i < to; i++) {
                    csv.append("\"c-").append(i).append(", Inc.\",").append(badData && i == from ? "n/a" : i * 10.5)
                            .append(',').append(20_000 + i).append(',').append(i % 4).append("\r\n");
                }
                lake.write(path, csv.toString().getBytes(StandardCharsets.UTF_8), WriteCondition.none());
            }

            @Override
            public String customerIdColumn() {
                return "customer";
            }

            @Override
            public void failNextJob() {
                badData = true;
            }

            @Override
            public List<String> secrets() {
                return List.of();
            }
        };
    }
}
