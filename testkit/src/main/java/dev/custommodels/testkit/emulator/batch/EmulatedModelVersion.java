package dev.custommodels.testkit.emulator.batch;

import java.util.List;
import java.util.Objects;

/**
 * A registered model version the emulator serves under {@code models/{name}/versions/{version}}.
 *
 * @param workspaceId the workspace's resource id
 * @param name the model name
 * @param version the version
 * @param modelType the model type as ARM spells it, such as {@code MLFlowModel} or {@code CustomModel}
 * @param modelUri where the model's files are, such as {@code azureml://datastores/ds/paths/models/m/1}
 * @param signatureColumns the input columns the emulated model enforces (an MLflow signature), empty for none
 */
public record EmulatedModelVersion(String workspaceId, String name, String version, String modelType,
        String modelUri, List<String> signatureColumns) {

    /**
     * Checks the parts and copies the columns.
     *
     * @param workspaceId the workspace's resource id
     * @param name the model name
     * @param version the version
     * @param modelType the model type as ARM spells it, such as {@code MLFlowModel} or {@code CustomModel}
     * @param modelUri where the model's files are, such as {@code azureml://datastores/ds/paths/models/m/1}
     * @param signatureColumns the input columns the emulated model enforces (an MLflow signature), empty for none
     */
    public EmulatedModelVersion {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(modelUri, "modelUri");
        signatureColumns = List.copyOf(signatureColumns == null ? List.of() : signatureColumns);
    }

    /**
     * Returns the ARM resource id of the version, the asset id a deployment refers to.
     *
     * @return the id
     */
    public String id() {
        return workspaceId + "/models/" + name + "/versions/" + version;
    }
}
