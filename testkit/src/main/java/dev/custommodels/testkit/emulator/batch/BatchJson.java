package dev.custommodels.testkit.emulator.batch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes {@link BatchEndpointEmulator} answers with, as maps. */
final class BatchJson {
    private final BatchEndpointEmulator batch;

    BatchJson(BatchEndpointEmulator batch) {
        this.batch = batch;
    }

    Map<String, Object> endpoint(EmulatedBatchEndpoint e) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("authMode", e.authMode());
        props.put("provisioningState", e.provisioningState());
        props.put("scoringUri", e.scoringUri());
        props.put("swaggerUri", null);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("deploymentName", e.defaultDeployment().orElse(null));
        props.put("defaults", defaults);
        props.put("properties", Map.of("BatchEndpointCreationApiVersion", "2023-10-01"));
        props.put("keys", null);
        return resource(e.id(), e.name(), "Microsoft.MachineLearningServices/workspaces/batchEndpoints",
                e.location(), props);
    }

    Map<String, Object> deployment(EmulatedBatchEndpoint e, EmulatedBatchDeployment d) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("provisioningState", d.provisioningState());
        if (d.kind() == EmulatedBatchDeployment.Kind.PIPELINE_COMPONENT) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("deploymentConfigurationType", "PipelineComponent");
            config.put("componentId", Map.of("referenceType", "Id", "assetId", d.assetId()));
            config.put("settings", Map.of("default_compute", "batch-cluster", "continue_on_step_failure", "False"));
            config.put("tags", Map.of());
            props.put("deploymentConfiguration", config);
        } else {
            if (d.assetId() != null) {
                props.put("model", Map.of("referenceType", "Id", "assetId", d.assetId()));
            }
            props.put("compute", e.workspaceId() + "/computes/batch-cluster");
            if (d.scoringScript() != null) {
                props.put("codeConfiguration", Map.of("codeId", e.workspaceId() + "/codes/score/versions/1",
                        "scoringScript", d.scoringScript()));
            }
            props.put("miniBatchSize", d.miniBatchSize());
            props.put("maxConcurrencyPerInstance", 1);
            props.put("errorThreshold", d.errorThreshold());
            props.put("retrySettings", Map.of("maxRetries", 3, "timeout", "PT30S"));
            props.put("outputAction", d.outputAction());
            props.put("outputFileName", d.outputFileName());
            props.put("loggingLevel", "Info");
            props.put("resources", Map.of("instanceCount", 1));
        }
        return resource(e.id() + "/deployments/" + d.name(), d.name(),
                "Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments", e.location(), props);
    }

    Map<String, Object> component(EmulatedComponentVersion c) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("componentSpec", c.componentSpec());
        props.put("isAnonymous", false);
        props.put("isArchived", false);
        return resource(c.id(), c.version(), "Microsoft.MachineLearningServices/workspaces/components/versions",
                null, props);
    }

    Map<String, Object> model(EmulatedModelVersion m) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("modelType", m.modelType());
        props.put("modelUri", m.modelUri());
        props.put("flavors", m.modelType().toLowerCase(Locale.ROOT).contains("mlflow")
                ? Map.of("python_function", Map.of("data", Map.of("loader_module", "mlflow.sklearn")))
                : Map.of());
        return resource(m.id(), m.version(), "Microsoft.MachineLearningServices/workspaces/models/versions", null,
                props);
    }

    /** The ARM job resource ({@code JobBaseResource} of a pipeline job). */
    Map<String, Object> armJob(EmulatedBatchJob j) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("jobType", "Pipeline");
        props.put("status", j.status());
        props.put("displayName", j.displayName());
        props.put("experimentName", j.endpoint().name());
        props.put("tags", j.tags());
        props.put("properties", j.properties());
        props.put("isArchived", false);
        Map<String, Object> inputs = new LinkedHashMap<>();
        j.inputs().forEach((k, p) -> inputs.put(k, p.uri() != null
                ? Map.of("jobInputType", snake(p.type()), "uri", p.uri())
                : Map.of("jobInputType", "literal", "value", p.value() == null ? "" : p.value())));
        props.put("inputs", inputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        j.outputs().forEach((k, p) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("jobOutputType", snake(p.type()));
            o.put("uri", p.uri());
            outputs.put(k, o);
        });
        props.put("outputs", outputs);
        props.put("services", Map.of("Studio", Map.of("endpoint", studio(j), "jobServiceType", "Studio")));
        Map<String, Object> body = resource(j.endpoint().workspaceId() + "/jobs/" + j.name(), j.name(),
                "Microsoft.MachineLearningServices/workspaces/jobs", null, props);
        body.put("systemData", Map.of("createdAt", j.createdAt().toString(), "createdBy", "emulator"));
        return body;
    }

    /** The data-plane job resource ({@code BatchJobResource}). */
    Map<String, Object> batchJob(EmulatedBatchJob j) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("status", j.status());
        props.put("provisioningState", "Succeeded");
        props.put("name", j.displayName());
        props.put("interactionEndpoints", Map.of("Studio", Map.of("endpoint", studio(j), "jobEndpointType",
                "Studio")));
        props.put("compute", Map.of("isLocal", false));
        props.put("output", Map.of());
        props.put("properties", j.properties());
        props.put("tags", j.tags());
        Map<String, Object> inputData = new LinkedHashMap<>();
        j.inputs().forEach((k, p) -> inputData.put(k, p.uri() != null
                ? Map.of("jobInputType", p.type(), "uri", p.uri())
                : Map.of("jobInputType", "Literal", "value", p.value() == null ? "" : p.value())));
        props.put("inputData", inputData);
        Map<String, Object> outputData = new LinkedHashMap<>();
        j.outputs().forEach((k, p) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("jobOutputType", p.type());
            o.put("uri", p.uri());
            outputData.put(k, o);
        });
        props.put("outputData", outputData);
        Map<String, Object> body = resource(j.endpoint().id() + "/jobs/" + j.name(), j.name(),
                "Microsoft.MachineLearningServices/workspaces/batchEndpoints/jobs", null, props);
        body.put("systemData", Map.of("createdAt", j.createdAt().toString(), "createdBy", "emulator"));
        return body;
    }

    /** The run history record of a job. */
    Map<String, Object> run(EmulatedBatchJob j, String runId, String parentRunId, String error) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("runId", runId);
        run.put("parentRunId", parentRunId);
        run.put("status", j.status());
        run.put("runType", parentRunId == null ? "azureml.PipelineRun" : "azureml.StepRun");
        run.put("createdUtc", j.createdAt().toString());
        run.put("properties", parentRunId == null ? j.properties() : Map.of("azureml.moduleName", "batchscoring"));
        run.put("tags", parentRunId == null ? j.tags() : Map.of());
        if (error != null) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", j.errorCode() == null ? "UserError" : j.errorCode());
            detail.put("message", error);
            run.put("error", Map.of("error", detail, "time", j.createdAt().toString()));
        } else {
            run.put("error", null);
        }
        return run;
    }

    private String studio(EmulatedBatchJob j) {
        return "https://ml.azure.com/runs/" + j.name() + "?wsid=" + j.endpoint().workspaceId();
    }

    private static String snake(String type) {
        if (type == null) {
            return null;
        }
        return type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replace("m_l_table", "mltable")
                .replace("m_l_flow", "mlflow");
    }

    private static Map<String, Object> resource(String id, String name, String type, String location,
            Map<String, Object> props) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("type", type);
        if (location != null) {
            body.put("location", location);
        }
        body.put("properties", props);
        return body;
    }
}
