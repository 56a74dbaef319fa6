package dev.custommodels.connectors.studio;

import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.contract.ConnectorContractTest;
import java.util.List;

/** Adapts a {@link StudioTestbed} to the connector contract suite, in RRS or BES mode. */
final class StudioContractFixture implements ConnectorContractTest.Fixture {
    private final StudioTestbed bed;
    private final boolean bes;

    StudioContractFixture(StudioTestbed bed, boolean bes) {
        this.bed = bed;
        this.bes = bes;
    }

    @Override
    public Connector newConnector() {
        return bed.newConnector();
    }

    @Override
    public String tenantId() {
        return StudioTestbed.TENANT;
    }

    @Override
    public LakeStore lake() {
        return bed.lake;
    }

    @Override
    public ModelReference eligibleModel() {
        return bed.model(bed.churn);
    }

    @Override
    public String ineligibleServiceName() {
        return bed.broken.name();
    }

    @Override
    public JobRequest stageJob(String runId, int rows) {
        return bed.stage(bed.newConnector(), bed.churn, runId, rows, rows > 100 ? 2 : 1);
    }

    @Override
    public String customerIdColumn() {
        return "CustomerId";
    }

    @Override
    public void failNextJob() {
        if (bes) {
            bed.studio.failNextBatchJob("ModuleExecutionError: Module encountered an internal library error.");
        } else {
            bed.studio.failNextScoring("LibraryExecutionError", "Module encountered an internal library error.");
        }
    }

    @Override
    public List<String> secrets() {
        return bed.secrets();
    }

    @Override
    public void close() {
        bed.close();
    }
}
