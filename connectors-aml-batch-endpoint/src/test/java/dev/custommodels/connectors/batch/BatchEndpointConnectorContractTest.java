package dev.custommodels.connectors.batch;

import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.contract.ConnectorContractTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract suite against the batch endpoint emulator, in process. */
class BatchEndpointConnectorContractTest extends ConnectorContractTest {
    @TempDir
    Path dir;

    /** Sets the testbed up; the loopback variant overrides it. */
    BatchTestbed testbed() throws Exception {
        return new BatchTestbed(dir);
    }

    @Override
    protected Fixture createFixture() throws Exception {
        BatchTestbed bed = testbed();
        return new Fixture() {
            @Override
            public Connector newConnector() {
                return bed.connector();
            }

            @Override
            public String tenantId() {
                return BatchTestbed.TENANT;
            }

            @Override
            public LakeStore lake() {
                return bed.lake;
            }

            @Override
            public ModelReference eligibleModel() {
                return bed.model("churn-batch", null);
            }

            @Override
            public String ineligibleServiceName() {
                return "summary-batch";
            }

            @Override
            public JobRequest stageJob(String runId, int rows) {
                return bed.stage(runId, rows, eligibleModel(), BatchEndpointOptions.MODEL_INPUT_NAME);
            }

            @Override
            public String customerIdColumn() {
                return "CustomerId";
            }

            @Override
            public void failNextJob() {
                bed.batch.failNextJob("User program failed with Exception: ValueError: could not convert string"
                        + " to float: 'n/a'");
            }

            @Override
            public List<String> secrets() {
                return List.of(FakeTokenCredential.token("https://management.azure.com", BatchTestbed.TENANT),
                        FakeTokenCredential.token("https://ml.azure.com", BatchTestbed.TENANT));
            }

            @Override
            public void close() {
                bed.close();
            }
        };
    }
}
