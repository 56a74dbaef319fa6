package dev.custommodels.connectors.batch.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.testkit.emulator.batch.MlflowModelFiles;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MlflowSignatureTest {

    @Test
    void readsASignatureFoldedOverSeveralLinesAsPyYamlWritesIt() throws IOException {
        String inputs = "[{\"name\": \"age\", \"type\": \"long\"}, {\"name\": \"sex\", \"type\": \"long\"}, {\"name\":"
                + " \"cp\", \"type\": \"long\"}, {\"name\": \"oldpeak\", \"type\": \"double\"}, {\"name\": \"thal\","
                + " \"type\": \"string\"}, {\"name\": \"fbs\", \"type\": \"boolean\", \"required\": false}]";
        String text = MlflowModelFiles.mlmodel(inputs, "[{\"name\": \"target\", \"type\": \"long\"}]");
        assertThat(text.lines().filter(l -> l.startsWith("    ")).count()).as("folded lines").isGreaterThan(3);
        MlflowSignature s = MlflowSignature.parse(text).orElseThrow();
        assertThat(s.inputs()).extracting(ModelField::name, ModelField::type, ModelField::required).containsExactly(
                tuple("age", DataType.INTEGER, true), tuple("sex", DataType.INTEGER, true),
                tuple("cp", DataType.INTEGER, true), tuple("oldpeak", DataType.NUMBER, true),
                tuple("thal", DataType.STRING, true), tuple("fbs", DataType.BOOLEAN, false));
        assertThat(s.outputs()).extracting(ModelField::name, ModelField::type)
                .containsExactly(tuple("target", DataType.INTEGER));
    }

    @Test
    void readsAnUnfoldedSignatureWithUnnamedOutput() throws IOException {
        String text = "artifact_path: model\nsignature:\n  inputs: '[{\"name\": \"it''s\", \"type\": \"datetime\"}]'\n"
                + "  outputs: '[{\"type\": \"double\"}]'\n  params: null\n";
        MlflowSignature s = MlflowSignature.parse(text).orElseThrow();
        assertThat(s.inputs()).extracting(ModelField::name, ModelField::type)
                .containsExactly(tuple("it's", DataType.DATETIME));
        assertThat(s.outputs()).extracting(ModelField::name).containsExactly("prediction");
    }

    @Test
    void tensorSignaturesAndMissingSignaturesDeclareNoColumns() throws IOException {
        String tensor = "signature:\n  inputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\","
                + " \"shape\": [-1, 784]}}]'\n  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\":"
                + " \"float32\", \"shape\": [-1, 10]}}]'\n";
        assertThat(MlflowSignature.parse(tensor)).isEmpty();
        assertThat(MlflowSignature.parse(MlflowModelFiles.mlmodel(null, null))).isEmpty();
    }
}
