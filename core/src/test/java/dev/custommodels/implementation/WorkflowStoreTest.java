package dev.custommodels.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.rest.PagedResponse;
import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.Workflow;
import dev.custommodels.spi.WriteCondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowStoreTest {
    @TempDir
    Path lakeDir;

    @Test
    void listingPagesThroughEveryWorkflowInIdOrderSkippingCorruptFilesAndOtherObjects() {
        LocalLakeStore lake = new LocalLakeStore(lakeDir);
        WorkflowStore store = new WorkflowStore(lake);
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> String.format("wf-%03d", i)).toList();
        for (String id : ids) {
            store.create(new Workflow(id, SampleEntities.churnWorkflow("fake"), FakeBackend.churnContract(),
                    List.of(SampleEntities.CUSTOMER), null, null, null));
        }
        lake.write("workflows/wf-100x.json", "{".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        lake.write("workflows/nested/wf-1.json", "{}".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        lake.write("workflows/readme.txt", "x".getBytes(StandardCharsets.UTF_8), WriteCondition.none());

        List<PagedResponse<Workflow>> pages = store.list().streamByPage().collect(Collectors.toList());

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).getValue()).hasSize(100);
        assertThat(pages.get(2).getContinuationToken()).isNull();
        assertThat(store.list().stream().map(Workflow::id)).containsExactlyElementsOf(ids);
        assertThatThrownBy(() -> store.get("wf-100x"))
                .hasMessageContaining("workflows/wf-100x.json");
    }

    @Test
    void createOnlyRefusesAnExistingId() {
        WorkflowStore store = new WorkflowStore(new LocalLakeStore(lakeDir));
        Workflow w = new Workflow("same", SampleEntities.churnWorkflow("fake"), FakeBackend.churnContract(),
                List.of(), null, null, null);
        store.create(w);
        assertThatThrownBy(() -> store.create(w))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'same' exists already");
    }
}
