package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.spi.Connector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchContractTest {
    @TempDir
    Path dir;

    private BatchTestbed bed;
    private Connector connector;

    @BeforeEach
    void setUp() {
        bed = new BatchTestbed(dir);
        connector = bed.connector();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void mlflowModelDeploymentDeclaresTheSignatureColumnsReadFromItsMlmodelFile() {
        ServiceContract contract = connector.describeService(bed.model("churn-batch", null));
        ModelInput input = contract.inputs().get(0);
        assertThat(input.name()).isEqualTo(BatchEndpointOptions.MODEL_INPUT_NAME);
        assertThat(input.fieldsDeclared()).isTrue();
        assertThat(input.fields()).extracting(ModelField::name, ModelField::type, ModelField::originalType)
                .containsExactly(tuple("CustomerId", DataType.STRING, "string"),
                        tuple("tenure", DataType.INTEGER, "long"),
                        tuple("monthlyCharges", DataType.NUMBER, "double"),
                        tuple("contract", DataType.STRING, "string"));
        assertThat(contract.parameters()).isEmpty();
        ModelOutput output = contract.outputs().get(0);
        assertThat(output.name()).isEqualTo("score");
        assertThat(output.columns()).extracting(ModelField::name).containsExactly("CustomerId", "tenure",
                "monthlyCharges", "contract", "prediction");
        assertThat(output.columns().get(4).type()).isEqualTo(DataType.NUMBER);
        assertThat(bed.emulator.count("GET", ".*/models/churn/versions/3")).isEqualTo(1);
    }

    @Test
    void aScoringScriptKeepsTheSignatureInputsButLeavesOutputColumnsUnknown() {
        ServiceContract contract = connector.describeService(bed.model("churn-batch", "xgb-script"));
        assertThat(contract.inputs().get(0).fieldsDeclared()).isTrue();
        assertThat(contract.outputs().get(0).columns()).isEmpty();
    }

    @Test
    void aModelWithoutSignatureDeclaresNoColumnsAndSaysSo() {
        for (String endpoint : List.of("custom-batch", "nosig-batch")) {
            ServiceContract contract = connector.describeService(bed.model(endpoint, null));
            assertThat(contract.inputs()).singleElement().satisfies(i -> {
                assertThat(i.name()).isEqualTo(BatchEndpointOptions.MODEL_INPUT_NAME);
                assertThat(i.fieldsDeclared()).as(endpoint).isFalse();
                assertThat(i.fields()).isEmpty();
            });
            assertThat(contract.outputs()).singleElement().satisfies(o -> assertThat(o.columns()).isEmpty());
        }
    }

    @Test
    void pipelineDeploymentDeclaresTheComponentsInputsParametersAndOutputs() {
        ServiceContract contract = connector.describeService(bed.model("churn-pipeline", null));
        assertThat(contract.inputs()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("input_data");
            assertThat(i.fieldsDeclared()).isFalse();
        });
        assertThat(contract.parameters()).extracting(ModelParameter::name, ModelParameter::kind,
                ModelParameter::type, ModelParameter::defaultValue)
                .containsExactlyInAnyOrder(tuple("score_mode", ParameterKind.VALUE, DataType.STRING, "append"),
                        tuple("threshold", ParameterKind.VALUE, DataType.NUMBER, "0.5"),
                        tuple("reference_model", ParameterKind.DATAPATH, null, null));
        assertThat(contract.outputs()).extracting(ModelOutput::name).containsExactly("scores");
        assertThat(bed.emulator.count("GET", ".*/components/churn_scoring/versions/2")).isEqualTo(1);
    }

    @Test
    void anEndpointWithoutDefaultDeploymentAsksForADeploymentName() {
        assertThatThrownBy(() -> connector.describeService(bed.model("nodefault-batch", null)))
                .isInstanceOf(CustomModelsException.class).hasMessageContaining("no default deployment")
                .hasMessageContaining("[a]");
        assertThat(connector.describeService(bed.model("nodefault-batch", "a")).inputs().get(0).fieldsDeclared())
                .isTrue();
    }

    @Test
    void anUnknownDeploymentIsNamedInTheError() {
        assertThatThrownBy(() -> connector.describeService(bed.model("churn-batch", "no-such-dep")))
                .isInstanceOf(CustomModelsException.class).hasMessageContaining("no-such-dep")
                .hasMessageContaining("404");
    }

    @Test
    void outputSettingsOfPipelineEndpointsAreRejectedWithTheirPaths() {
        ServiceContract contract = connector.describeService(bed.model("churn-pipeline", null));
        List<ValidationProblem> problems = connector.validateOutput(bed.model("churn-pipeline", null), contract,
                new OutputSettings("Scores", "nope", "output_datastore", "output_path"));
        assertThat(problems).extracting(ValidationProblem::path).containsExactly("output.outputDatastoreParameter",
                "output.outputPathParameter", "output.modelOutput");
        assertThat(problems.get(2).message()).contains("[scores]");
        assertThat(connector.validateOutput(bed.model("churn-pipeline", null), contract,
                new OutputSettings("Scores", "scores", null, null))).isEmpty();
    }
}
