package dev.custommodels.connectors.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.testkit.emulator.studio.StudioColumn;
import dev.custommodels.testkit.emulator.studio.StudioParameter;
import dev.custommodels.testkit.emulator.studio.StudioServiceSpec;
import dev.custommodels.testkit.emulator.studio.StudioWebService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwaggerContractTest {
    @TempDir
    Path dir;
    StudioTestbed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = StudioTestbed.builder(dir).build();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void readsEachInputsTypedFieldsInOrderTheParametersWithDefaultsAndTheOutputs() {
        ServiceContract contract = bed.newConnector().describeService(bed.model(bed.churn));
        ModelInput input = contract.inputs().get(0);
        assertThat(input.name()).isEqualTo("input1");
        assertThat(input.fields()).containsExactly(
                new ModelField("age", DataType.INTEGER, "integer/int32", true),
                new ModelField("income", DataType.NUMBER, "number/double", true),
                new ModelField("plan", DataType.STRING, "string", true),
                new ModelField("active", DataType.BOOLEAN, "boolean", false));
        assertThat(contract.parameters()).containsExactly(
                new ModelParameter("threshold", ParameterKind.VALUE, DataType.NUMBER, "0.5"));
        assertThat(contract.outputs()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("output1");
            assertThat(o.columns()).extracting(ModelField::name, ModelField::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Scored Labels", DataType.STRING),
                    org.assertj.core.groups.Tuple.tuple("Scored Probabilities", DataType.NUMBER));
        });
    }

    @Test
    void mapsEveryKnownSwaggerTypeAndFormat() {
        StudioWebService svc = bed.studio.addWebService(bed.churnWs, StudioServiceSpec.builder("Types")
                .input("input1", StudioColumn.int64("visits"), StudioColumn.of("ratio", "number", "float"),
                        StudioColumn.dateTime("seen"), StudioColumn.of("born", "string", "date"),
                        StudioColumn.of("small", "integer", "int16"), StudioColumn.of("count", "integer", null))
                .input("input2", StudioColumn.string("segment"))
                .output("output1", StudioColumn.number("score"))
                .parameter(new StudioParameter("mode", "string", null, null)).build());
        ServiceContract contract = bed.newConnector().describeService(bed.model(svc));
        assertThat(contract.inputs()).extracting(ModelInput::name).containsExactly("input1", "input2");
        assertThat(contract.inputs().get(0).fields()).extracting(ModelField::type).containsExactly(
                DataType.INTEGER, DataType.NUMBER, DataType.DATETIME, DataType.DATE, DataType.INTEGER,
                DataType.INTEGER);
        assertThat(contract.inputs().get(0).fields().get(0).originalType()).isEqualTo("integer/int64");
        assertThat(contract.parameters()).containsExactly(new ModelParameter("mode", ParameterKind.VALUE,
                DataType.STRING, null));
    }

    @Test
    void anUnknownTypeIsReportedWithTheFieldAndTypeNotGuessed() {
        StudioWebService svc = bed.studio.addWebService(bed.churnWs, StudioServiceSpec.builder("Odd types")
                .input("input1", StudioColumn.integer("age"), StudioColumn.of("signal", "number", "complex64"))
                .output("output1", StudioColumn.of("embedding", "array", null))
                .parameter(new StudioParameter("window", "string", "duration", "PT1H")).build());
        var connector = bed.newConnector();
        assertThatThrownBy(() -> connector.describeService(bed.model(svc)))
                .isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("inputs[input1].fields[signal]").hasMessageContaining("'number/complex64'")
                .hasMessageContaining("outputs[output1].fields[embedding]").hasMessageContaining("'array'")
                .hasMessageContaining("parameters[window]").hasMessageContaining("'string/duration'");
        ServiceInfo listed = connector.listServices(StudioTestbed.TENANT, bed.churnWs.armId()).stream()
                .filter(s -> s.name().equals("Odd types")).findFirst().orElseThrow();
        assertThat(listed.ineligibleReason()).contains("signal").contains("number/complex64");
    }

    @Test
    void anArmWebServiceDescribesTheSameFieldsAsItsClassicTwin() {
        var connector = bed.newConnector();
        ServiceContract classic = connector.describeService(bed.model(bed.churn));
        ServiceContract arm = connector.describeService(bed.model(bed.armChurn));
        assertThat(arm.inputs()).extracting(ModelInput::name).containsExactly("input1");
        assertThat(arm.inputs().get(0).fields()).extracting(ModelField::name, ModelField::type, ModelField::required)
                .containsExactlyElementsOf(classic.inputs().get(0).fields().stream().map(f ->
                        org.assertj.core.groups.Tuple.tuple(f.name(), f.type(), f.required())).toList());
        assertThat(arm.parameters()).extracting(ModelParameter::name, ModelParameter::type,
                ModelParameter::defaultValue).containsExactly(org.assertj.core.groups.Tuple.tuple("threshold",
                        DataType.NUMBER, "0.5"));
        assertThat(arm.outputs().get(0).columns()).extracting(ModelField::name)
                .containsExactly("Scored Labels", "Scored Probabilities");
    }

    @Test
    void swaggerIsReadWithoutCredentials() {
        bed.newConnector().describeService(bed.model(bed.churn));
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().endsWith("/swagger.json"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.request().header("authorization")).isEmpty());
        assertThat(List.of(bed.churn.apiLocation())).allSatisfy(a -> assertThat(a).contains(bed.churnWs.workspaceId()));
    }
}
