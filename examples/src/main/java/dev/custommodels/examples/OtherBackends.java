package dev.custommodels.examples;

import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.batch.BatchEndpointEmulator;
import dev.custommodels.testkit.emulator.batch.EmulatedModelVersion;
import dev.custommodels.testkit.emulator.studio.StudioClassicEmulator;
import dev.custommodels.testkit.emulator.studio.StudioColumn;
import dev.custommodels.testkit.emulator.studio.StudioModel;
import dev.custommodels.testkit.emulator.studio.StudioServiceSpec;
import dev.custommodels.testkit.emulator.studio.StudioWorkspace;
import dev.custommodels.testkit.junit.BackendSetup;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import dev.custommodels.testkit.junit.EmulatedBackend;
import java.io.IOException;
import java.util.Map;

/**
 * The quickstart's other two backends, so discovery shows all three kinds side by side: an Azure ML v2 batch
 * endpoint with an MLflow model deployment in the same workspace, and a Studio (classic) workspace with a web
 * service, served by its own emulator (classic ARM lives on another host).
 */
final class OtherBackends {
    private OtherBackends() {
    }

    /** An Azure ML v2 batch endpoint with a model deployment and one that is still being created. */
    static final class BatchEndpoints implements EmulatedBackend {
        @Override
        public String connector() {
            return "aml-batch-endpoint";
        }

        @Override
        public void install(BackendSetup setup) {
            BatchEndpointEmulator batch = new BatchEndpointEmulator(setup.arm());
            EmulatedModelVersion model = batch.mlflowModel(setup.workspace().id(), "churn-mlflow", "4",
                    CustomModelsTestEnvironment.DATASTORE_NAME, "azureml/models/churn-mlflow/4/model",
                    "[{\"name\": \"CustomerId\", \"type\": \"string\"}, {\"name\": \"total_spend\", \"type\": \"double\"}]",
                    "[{\"type\": \"double\"}]");
            var endpoint = batch.endpoint(setup.workspace().id(), "churn-batch");
            endpoint.modelDeployment("mlflow-v4", model);
            endpoint.modelDeployment("mlflow-v5", model).provisioningState("Creating");
            setup.service(batch);
        }
    }

    /**
     * Starts an emulated Studio (classic) tenant with one workspace and a churn web service, over loopback.
     *
     * @param tenantId the tenant
     * @return the running emulator
     * @throws IOException if it cannot listen
     */
    static Emulator studioClassic(String tenantId) throws IOException {
        StudioClassicEmulator studio = new StudioClassicEmulator().subscription(tenantId, "classic-subscription");
        StudioWorkspace ws = studio.addWorkspace("classic-subscription", "rg-studio", "studio-churn", "southcentralus");
        studio.addWebService(ws, StudioServiceSpec.builder("Churn (classic)")
                .input("input1", StudioColumn.string("CustomerId"), StudioColumn.number("TotalSpend"))
                .output("output1", StudioColumn.string("CustomerId"), StudioColumn.number("Scored Probabilities"))
                .model(StudioModel.logistic(Map.of("TotalSpend", -0.0004), 0.8)).build());
        studio.addWebService(ws, StudioServiceSpec.builder("Trainer")
                .output("output1", StudioColumn.string("Status")).build());
        return Emulator.builder().service(studio).build().start();
    }
}
