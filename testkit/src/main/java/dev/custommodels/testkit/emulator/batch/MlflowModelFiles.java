package dev.custommodels.testkit.emulator.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code MLmodel} files as MLflow does: YAML whose {@code signature.inputs} and {@code signature.outputs}
 * are JSON texts in single-quoted scalars, folded over several lines when long (as PyYAML folds them at 80
 * columns).
 */
public final class MlflowModelFiles {
    private static final int WIDTH = 80;

    private MlflowModelFiles() {
    }

    /**
     * Builds the text of an {@code MLmodel} file of a scikit-learn model with a signature.
     *
     * @param inputsJson the signature's inputs, such as {@code [{"name": "age", "type": "long"}]}, or
     *     {@code null} for a model without a signature
     * @param outputsJson the signature's outputs, such as {@code [{"type": "double"}]}, or {@code null}
     * @return the file text
     */
    public static String mlmodel(String inputsJson, String outputsJson) {
        StringBuilder b = new StringBuilder();
        b.append("artifact_path: model\n");
        b.append("flavors:\n");
        b.append("  python_function:\n");
        b.append("    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n");
        b.append("    loader_module: mlflow.sklearn\n    model_path: model.pkl\n    predict_fn: predict\n");
        b.append("    python_version: 3.10.12\n");
        b.append("  sklearn:\n    code: null\n    pickled_model: model.pkl\n");
        b.append("    serialization_format: cloudpickle\n    sklearn_version: 1.3.2\n");
        b.append("mlflow_version: 2.9.2\n");
        b.append("model_uuid: 0f9c5b2e6d1c4a4e9d2b8f3e7a6c5d4b\n");
        b.append("run_id: 596d2e7a-c7ed-4596-a4d2-a30755c0bfa5\n");
        if (inputsJson != null) {
            b.append("signature:\n");
            b.append(folded("  inputs: ", inputsJson));
            if (outputsJson != null) {
                b.append(folded("  outputs: ", outputsJson));
            }
            b.append("  params: null\n");
        }
        b.append("utc_time_created: '2024-05-01 10:00:00.000000'\n");
        return b.toString();
    }

    private static String folded(String key, String json) {
        String quoted = "'" + json.replace("'", "''") + "'";
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(key);
        boolean lineEmpty = true;
        for (String word : quoted.split(" ", -1)) {
            if (!lineEmpty && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder("    ");
                lineEmpty = true;
            }
            if (!lineEmpty) {
                line.append(' ');
            }
            line.append(word);
            lineEmpty = false;
        }
        lines.add(line.toString());
        return String.join("\n", lines) + "\n";
    }
}
