package dev.custommodels.connectors.batch.implementation;

import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the contract of a deployment: a pipeline component's declared inputs and outputs, or a model
 * deployment's single input and output with the MLflow signature's columns where the model has one.
 */
final class ContractReader {
    private static final ClientLogger LOGGER = new ClientLogger(ContractReader.class);
    private static final String MLMODEL = "MLmodel";

    private final Datastores datastores;

    ContractReader(Datastores datastores) {
        this.datastores = datastores;
    }

    ServiceContract describe(BatchArm arm, Target t) {
        switch (t.deployment().kind()) {
            case PIPELINE_COMPONENT:
                return pipelineContract(component(arm, t.deployment()));
            case MODEL:
                return modelContract(arm, t);
            default:
                throw new CustomModelsException("Deployment '" + t.deployment().name() + "' of batch endpoint '"
                        + t.endpoint().name() + "' is neither a model deployment nor a pipeline-component"
                        + " deployment, so its inputs cannot be read.");
        }
    }

    ComponentSpec component(BatchArm arm, DeploymentInfo d) {
        if (d.assetId() == null || d.assetId().isBlank()) {
            throw new CustomModelsException("Deployment '" + d.name() + "' names no component version.");
        }
        if (!d.assetId().startsWith("/")) {
            throw new CustomModelsException("Deployment '" + d.name() + "' runs component '" + d.assetId()
                    + "', which is not a workspace component (a registry component cannot be read without its"
                    + " registry's resource group). Register the component in the workspace and redeploy.");
        }
        return ComponentSpec.from(arm.getAsset(d.assetId(), "component version"));
    }

    private static ServiceContract pipelineContract(ComponentSpec spec) {
        List<ModelInput> inputs = new ArrayList<>();
        List<ModelParameter> parameters = new ArrayList<>();
        for (ComponentSpec.Port p : spec.inputs()) {
            if (p.isData()) {
                inputs.add(new ModelInput(p.name(), List.of(), false));
            } else if (p.isLiteral()) {
                parameters.add(new ModelParameter(p.name(), ParameterKind.VALUE, MlflowSignature.dataType(
                        p.type().equals("number") ? "double" : p.type().equals("integer") ? "long" : p.type()),
                        p.defaultValue()));
            } else {
                parameters.add(new ModelParameter(p.name(), ParameterKind.DATAPATH, null, p.defaultValue()));
            }
        }
        List<ModelOutput> outputs = spec.outputs().stream().map(o -> new ModelOutput(o.name(), List.of())).toList();
        return new ServiceContract(inputs, parameters, outputs);
    }

    private ServiceContract modelContract(BatchArm arm, Target t) {
        DeploymentInfo d = t.deployment();
        if (d.assetId() == null || !d.assetId().startsWith("/")) {
            LOGGER.info("Deployment {} refers to model '{}', which is not a workspace model version; its input"
                    + " columns are not declared.", d.name(), d.assetId());
            return undeclared();
        }
        JsonNode model = arm.getAsset(d.assetId(), "model version");
        String type = Json.text(Json.get(model, "properties"), "modelType");
        String uri = Json.text(Json.get(model, "properties"), "modelUri");
        boolean mlflow = type != null && type.replace("_", "").toLowerCase(Locale.ROOT).contains("mlflow");
        if (!mlflow) {
            LOGGER.info("Model {} of deployment {} is a {} model: nothing declares its input columns.",
                    d.assetId(), d.name(), type);
            return undeclared();
        }
        Optional<MlflowSignature> signature = signature(arm, t, uri);
        if (signature.isEmpty()) {
            return undeclared();
        }
        List<ModelField> inputs = signature.get().inputs();
        List<ModelField> columns = new ArrayList<>();
        if (d.scoringScript() == null) {
            columns.addAll(inputs);
            List<ModelField> outs = signature.get().outputs();
            DataType predictionType = outs.size() == 1 ? outs.get(0).type() : DataType.STRING;
            String original = outs.size() == 1 ? outs.get(0).originalType() : null;
            columns.add(new ModelField(predictionColumn(inputs.stream().map(ModelField::name).toList()),
                    predictionType, original, false));
        }
        return new ServiceContract(List.of(ModelInput.of(BatchEndpointOptions.MODEL_INPUT_NAME, inputs)), List.of(),
                List.of(new ModelOutput(BatchEndpointOptions.MODEL_OUTPUT_NAME, columns)));
    }

    private static ServiceContract undeclared() {
        return new ServiceContract(List.of(new ModelInput(BatchEndpointOptions.MODEL_INPUT_NAME, List.of(), false)),
                List.of(), List.of(new ModelOutput(BatchEndpointOptions.MODEL_OUTPUT_NAME, List.of())));
    }

    /** The name of the prediction column beside input columns: {@code prediction}, numbered if taken. */
    static String predictionColumn(List<String> inputColumns) {
        String name = BatchEndpointOptions.PREDICTION_COLUMN;
        for (int i = 1; inputColumns.contains(name); i++) {
            name = BatchEndpointOptions.PREDICTION_COLUMN + "_" + i;
        }
        return name;
    }

    private Optional<MlflowSignature> signature(BatchArm arm, Target t, String modelUri) {
        Optional<DatastorePath> path = DatastorePath.parse(modelUri);
        if (path.isEmpty()) {
            LOGGER.warning("The files of MLflow model {} are at '{}', which is not a datastore path; its input"
                    + " columns are not declared.", t.deployment().assetId(), modelUri);
            return Optional.empty();
        }
        try {
            LakeStore store = datastores.store(arm, t.tenantId(), t.workspaceId(), path.get().datastore());
            Optional<String> file = findMlmodel(store, path.get().lakePath());
            if (file.isEmpty()) {
                LOGGER.warning("No MLmodel file under {}; the input columns of deployment {} are not declared.",
                        modelUri, t.deployment().name());
                return Optional.empty();
            }
            Optional<MlflowSignature> s = MlflowSignature.parse(new String(store.readAll(file.get()),
                    StandardCharsets.UTF_8));
            if (s.isEmpty()) {
                LOGGER.info("MLflow model {} has no column signature; its input columns are not declared.",
                        t.deployment().assetId());
            }
            return s;
        } catch (IOException | RuntimeException e) {
            LOGGER.warning("Reading the MLmodel file of {} failed ({}); its input columns are not declared.",
                    modelUri, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> findMlmodel(LakeStore store, String base) {
        if (base.endsWith("/" + MLMODEL) || base.equals(MLMODEL)) {
            return store.stat(base).map(LakeObjectInfo::path);
        }
        if (store.stat(base + "/" + MLMODEL).isPresent()) {
            return Optional.of(base + "/" + MLMODEL);
        }
        String prefix = base + "/";
        try (Stream<LakeObjectInfo> list = store.list(prefix)) {
            return list.map(LakeObjectInfo::path).filter(p -> p.endsWith("/" + MLMODEL))
                    .filter(p -> p.substring(prefix.length()).split("/").length <= 2).findFirst();
        }
    }
}
