package dev.custommodels.connectors.pipeline;

import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.contract.ConnectorContractTest;
import dev.custommodels.testkit.emulator.pipeline.RunFault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract against the emulator, in process. */
class AmlPipelineConnectorContractTest extends ConnectorContractTest {
    @TempDir
    Path dir;

    /** Over loopback or in process. */
    boolean loopback() {
        return false;
    }

    @Override
    protected Fixture createFixture() throws Exception {
        PipelineTestBed bed = new PipelineTestBed(dir, loopback());
        return new Fixture() {
            @Override
            public Connector newConnector() {
                return bed.connector();
            }

            @Override
            public String tenantId() {
                return PipelineTestBed.HOME;
            }

            @Override
            public LakeStore lake() {
                return bed.lake();
            }

            @Override
            public ModelReference eligibleModel() {
                return bed.model(bed.churnEndpoint);
            }

            @Override
            public String ineligibleServiceName() {
                return "no-input-endpoint";
            }

            @Override
            public JobRequest stageJob(String runId, int rows) {
                return bed.request(bed.connector(), eligibleModel(), "input_data", runId, rows);
            }

            @Override
            public String customerIdColumn() {
                return PipelineTestBed.ID_COLUMN;
            }

            @Override
            public void failNextJob() {
                bed.pipelines.nextRun(RunFault.FAIL);
            }

            @Override
            public List<String> secrets() {
                return bed.secrets();
            }

            @Override
            public void close() {
                bed.close();
            }
        };
    }
}
