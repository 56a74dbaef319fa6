package dev.custommodels.runs;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.fakes.ScoringBackend;
import dev.custommodels.fakes.ScoringConnectorProvider;
import dev.custommodels.models.DataTransferPolicy;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputEntityClient;
import dev.custommodels.output.OutputEntityClientBuilder;
import dev.custommodels.lake.LocalLakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A lake directory, a scoring service's state directory and a client over both, with the churn workflow. Another
 * client over the same directories stands for another process.
 */
final class RunBed {
    static final String CONNECTOR = "scoring";
    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    final Path lakeDir;
    final Path stateDir;
    final ScoringBackend backend;
    final SettableClock clock = new SettableClock(START);
    final EntityCatalog catalog;
    final CustomModelsClient client;

    RunBed(Path root, EntityCatalog catalog) {
        this(root, catalog, null);
    }

    RunBed(Path root, EntityCatalog catalog, DataTransferPolicy policy) {
        this.lakeDir = root.resolve("lake");
        this.stateDir = root.resolve("service");
        this.backend = new ScoringBackend(stateDir, FakeBackend.withSampleData());
        this.catalog = catalog;
        this.client = client(clock, policy);
    }

    CustomModelsClient client(Clock c, DataTransferPolicy policy) {
        return builder(catalog, backend, c).lakeDirectory(lakeDir).dataTransferPolicy(policy).buildClient();
    }

    static CustomModelsClientBuilder builder(EntityCatalog catalog, ScoringBackend backend, Clock c) {
        return new CustomModelsClientBuilder().entityCatalog(catalog)
                .connectorProvider(new ScoringConnectorProvider(CONNECTOR, backend)).clock(c)
                .pollInterval(Duration.ZERO);
    }

    Workflow churnWorkflow() {
        return client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
    }

    OutputEntityClient outputs() {
        return new OutputEntityClientBuilder().lakeStore(new LocalLakeStore(lakeDir)).buildClient();
    }
}
