package dev.custommodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.FakeConnectorProvider;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptWorkflowFileTest {
    @TempDir
    Path lakeDir;

    private CustomModelsClient client;
    private Workflow good;

    @BeforeEach
    void createOneGoodWorkflow() {
        client = new CustomModelsClientBuilder()
                .lakeDirectory(lakeDir)
                .entityCatalog(SampleEntities.catalog())
                .connectorProvider(new FakeConnectorProvider("fake", FakeBackend.withSampleData()))
                .buildClient();
        good = client.createWorkflow(SampleEntities.churnWorkflow("fake"));
    }

    @Test
    void corruptFileGivesAnErrorNamingItAndTheOtherWorkflowsStayListable() throws Exception {
        Files.writeString(lakeDir.resolve("workflows/broken.json"), "{\"formatVersion\": 1, \"id\": \"broken\",");

        assertThatThrownBy(() -> client.getWorkflow("broken"))
                .isInstanceOfSatisfying(CorruptStateException.class,
                        e -> assertThat(e.getPath()).isEqualTo("workflows/broken.json"))
                .hasMessageContaining("The file 'workflows/broken.json' in the lake cannot be read");
        assertThat(client.listWorkflows().stream().map(Workflow::id)).containsExactly(good.id());
        client.deleteWorkflow("broken");
        assertThat(lakeDir.resolve("workflows/broken.json")).doesNotExist();
    }

    @Test
    void wellFormedJsonThatIsNotAValidWorkflowIsCorruptToo() throws Exception {
        String text = Files.readString(lakeDir.resolve("workflows/" + good.id() + ".json"));
        Files.writeString(lakeDir.resolve("workflows/no-model.json"),
                text.replace(good.id(), "no-model").replace("\"connector\" : \"fake\",", ""));
        Files.writeString(lakeDir.resolve("workflows/newer.json"),
                text.replace(good.id(), "newer").replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        Files.writeString(lakeDir.resolve("workflows/other-id.json"), text);

        assertThatThrownBy(() -> client.getWorkflow("no-model"))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("workflows/no-model.json")
                .hasMessageContaining("connector");
        assertThatThrownBy(() -> client.getWorkflow("newer"))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("format version 99");
        assertThatThrownBy(() -> client.getWorkflow("other-id"))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("holds workflow '" + good.id() + "'");
        assertThat(client.listWorkflows().stream().map(Workflow::id).collect(Collectors.toList()))
                .containsExactly(good.id());
    }

    @Test
    void updatingACorruptWorkflowNamesTheFile() throws Exception {
        Files.writeString(lakeDir.resolve("workflows/" + good.id() + ".json"), "not json");
        assertThatThrownBy(() -> client.updateWorkflow(good))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("workflows/" + good.id() + ".json");
    }
}
