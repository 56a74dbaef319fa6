package dev.custommodels.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorProvider;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmlPipelineDiscoveryTest {
    @TempDir
    Path dir;

    private PipelineTestBed bed;
    private Connector connector;

    @BeforeEach
    void setUp() throws Exception {
        bed = new PipelineTestBed(dir, false);
        connector = bed.connector();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void theProviderIsFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(ConnectorProvider.class).stream().map(p -> p.get().name()))
                .contains("aml-pipeline");
    }

    @Test
    void listsTheTenantsWorkspacesAcrossPagesWithTheirRegion() {
        List<WorkspaceInfo> home = connector.listWorkspaces(PipelineTestBed.HOME).stream().toList();
        assertThat(home).extracting(WorkspaceInfo::name).containsExactly("ml-churn", "ml-empty");
        assertThat(home.get(0).region()).isEqualTo("eastus");
        assertThat(home.get(0).group()).isEqualTo("Azure ML");
        assertThat(connector.listWorkspaces(PipelineTestBed.PARTNER).stream().map(WorkspaceInfo::name))
                .containsExactly("ml-partner");
    }

    @Test
    void everyUnusablePipelineIsListedWithItsReason() {
        Map<String, ServiceInfo> services = connector.listServices(PipelineTestBed.HOME, bed.workspace.id()).stream()
                .collect(Collectors.toMap(ServiceInfo::name, Function.identity(), (a, b) -> a));
        assertThat(services.get("churn-endpoint").isEligible()).isTrue();
        assertThat(services.get("dataset-endpoint").isEligible()).isTrue();
        assertThat(services.get("no-input-endpoint").ineligibleReason())
                .contains("no dataset or datapath input parameter");
        assertThat(services.get("no-string-endpoint").ineligibleReason())
                .contains("no string parameter that can take the output datastore, and none for the output path");
        assertThat(services.get("one-string-endpoint").ineligibleReason())
                .contains("only one string parameter ('output_path')");
        assertThat(services.get("disabled-endpoint").ineligibleReason()).contains("endpoint is Disabled");
        assertThat(services.get("disabled-pipeline-endpoint").ineligibleReason())
                .contains("default pipeline 'churn' is Disabled");
        assertThat(services.get("churn").kind()).isEqualTo("published pipeline");
        assertThat(services.get("churn").ineligibleReason()).contains("not behind a pipeline endpoint");
        assertThat(services.get("churn-endpoint").kind()).isEqualTo("pipeline endpoint");
    }

    @Test
    void anyWorkspaceSearchesEveryWorkspaceOfTheTenant() {
        List<ServiceInfo> all = connector.listServices(PipelineTestBed.HOME, WorkspaceInfo.ANY).stream().toList();
        assertThat(all).anyMatch(s -> s.name().equals("churn-endpoint"));
        assertThat(all).noneMatch(s -> s.name().equals("partner-endpoint"));
    }

    @Test
    void theContractHasTypedParametersWithDefaultsAndInputColumnsSampledFromTheDefaultData() {
        ServiceContract contract = connector.describeService(bed.model(bed.churnEndpoint));
        assertThat(contract.inputs()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("input_data");
            assertThat(i.fieldsDeclared()).isTrue();
            assertThat(i.fields()).extracting(ModelField::name, ModelField::type).containsExactly(
                    tuple("CustomerId", DataType.STRING), tuple("Tenure", DataType.INTEGER),
                    tuple("MonthlyCharges", DataType.NUMBER), tuple("Senior", DataType.BOOLEAN),
                    tuple("SignupDate", DataType.DATE), tuple("Plan", DataType.STRING));
        });
        assertThat(contract.parameter("threshold")).hasValue(new ModelParameter("threshold", ParameterKind.VALUE,
                DataType.NUMBER, "0.5"));
        assertThat(contract.parameter("output_datastore")).hasValue(new ModelParameter("output_datastore",
                ParameterKind.VALUE, DataType.STRING, "workspaceblobstore"));
        assertThat(contract.parameter("input_data")).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(ParameterKind.DATAPATH);
            assertThat(p.defaultValue()).isEqualTo("workspaceblobstore/samples/input.csv");
        });
        assertThat(connector.describeService(bed.partnerModel()).inputs()).singleElement()
                .satisfies(i -> assertThat(i.fieldsDeclared()).as("no default data to sample").isFalse());
        ServiceContract datasets = connector.describeService(bed.model(bed.datasetEndpoint));
        assertThat(datasets.inputs()).singleElement().satisfies(i -> assertThat(i.fieldsDeclared()).isFalse());
        assertThat(datasets.parameter("input_ds")).hasValueSatisfying(p ->
                assertThat(p.kind()).isEqualTo(ParameterKind.DATASET));
    }

    @Test
    void theServiceHostComesFromTheWorkspacesDiscoveryDocument() {
        connector.describeService(bed.model(bed.churnEndpoint));
        assertThat(bed.emulator.count("GET", "/discovery/eastus")).isEqualTo(1);
        connector.describeService(bed.model(bed.churnEndpoint));
        assertThat(bed.emulator.count("GET", "/discovery/eastus")).as("cached per connector").isEqualTo(1);
    }

    @Test
    void anUnknownEndpointIsNamedWithTheEndpointsThatExist() {
        assertThatThrownBy(() -> connector.describeService(bed.model("nope-123")))
                .isInstanceOf(CustomModelsException.class).hasMessageContaining("nope-123")
                .hasMessageContaining("churn-endpoint");
    }

    @Test
    void outputParametersMustBeStringParametersOfTheDefaultPipeline() {
        ServiceContract contract = connector.describeService(bed.model(bed.churnEndpoint));
        assertThat(connector.validateOutput(bed.model(bed.churnEndpoint), contract,
                new OutputSettings("Scores", null, "output_datastore", "output_path"))).isEmpty();
        List<ValidationProblem> problems = connector.validateOutput(bed.model(bed.churnEndpoint), contract,
                new OutputSettings("Scores", null, "out_store", "threshold"));
        assertThat(problems).extracting(ValidationProblem::path)
                .containsExactly("output.outputDatastoreParameter", "output.outputPathParameter");
        assertThat(problems.get(0).message()).contains("'out_store' is not a parameter of the default pipeline")
                .contains("output_datastore");
        assertThat(problems.get(1).message()).contains("NUMBER").contains("string parameter");
        assertThat(connector.validateOutput(bed.model(bed.churnEndpoint), contract, OutputSettings.of("Scores")))
                .extracting(ValidationProblem::path)
                .containsExactly("output.outputDatastoreParameter", "output.outputPathParameter");
        assertThat(connector.validateOutput(bed.model(bed.churnEndpoint), contract,
                new OutputSettings("Scores", null, "output_path", "output_path")))
                .extracting(ValidationProblem::message).anyMatch(m -> m.contains("must differ"));
    }
}
