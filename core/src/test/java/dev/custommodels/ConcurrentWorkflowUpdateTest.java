package dev.custommodels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.FakeConnectorProvider;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowConflictException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Two clients, as two host instances would, update one workflow in one lake directory at the same moment. */
class ConcurrentWorkflowUpdateTest {
    @TempDir
    Path lakeDir;

    @RepeatedTest(10)
    void exactlyOneConcurrentUpdateWinsAndTheOtherGetsAConflictNamingBothEtags() throws Exception {
        FakeBackend backend = FakeBackend.withSampleData();
        CustomModelsClient a = client(backend);
        CustomModelsClient b = client(backend);
        Workflow original = a.createWorkflow(SampleEntities.churnWorkflow("fake"));
        Workflow seenByA = a.getWorkflow(original.id());
        Workflow seenByB = b.getWorkflow(original.id());

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> fa = pool.submit(() -> attempt(a, seenByA, "Renamed by A", start));
            Future<Object> fb = pool.submit(() -> attempt(b, seenByB, "Renamed by B", start));
            List<Object> outcomes = List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));

            List<Workflow> winners = new ArrayList<>();
            List<WorkflowConflictException> losers = new ArrayList<>();
            for (Object o : outcomes) {
                if (o instanceof Workflow w) {
                    winners.add(w);
                } else {
                    losers.add((WorkflowConflictException) o);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(losers).hasSize(1);
            Workflow winner = winners.get(0);
            WorkflowConflictException conflict = losers.get(0);
            assertThat(conflict.getWorkflowId()).isEqualTo(original.id());
            assertThat(conflict.getExpectedEtag()).isEqualTo(original.etag());
            assertThat(conflict.getCurrentEtag()).isEqualTo(winner.etag()).isNotEqualTo(original.etag());
            assertThat(conflict.getMessage()).contains(original.id(), original.etag(), winner.etag());

            Workflow stored = b.getWorkflow(original.id());
            assertThat(stored.etag()).isEqualTo(winner.etag());
            assertThat(stored.displayName()).isEqualTo(winner.displayName());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object attempt(CustomModelsClient client, Workflow seen, String name, CyclicBarrier start)
            throws Exception {
        Workflow changed = new Workflow(seen.id(), seen.definition().withDisplayName(name), seen.contract(),
                seen.entitySchemas(), seen.etag(), seen.createdAt(), seen.updatedAt());
        start.await(10, TimeUnit.SECONDS);
        try {
            return client.updateWorkflow(changed);
        } catch (WorkflowConflictException e) {
            return e;
        }
    }

    private CustomModelsClient client(FakeBackend backend) {
        return new CustomModelsClientBuilder()
                .lakeDirectory(lakeDir)
                .entityCatalog(SampleEntities.catalog())
                .connectorProvider(new FakeConnectorProvider("fake", backend))
                .buildClient();
    }
}
