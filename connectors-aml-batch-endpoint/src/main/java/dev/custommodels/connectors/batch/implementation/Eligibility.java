package dev.custommodels.connectors.batch.implementation;

import dev.custommodels.models.CustomModelsException;
import java.util.Optional;

/** Decides whether an endpoint and deployment can run a workflow, and says why not. */
final class Eligibility {
    private final ContractReader contracts;

    Eligibility(ContractReader contracts) {
        this.contracts = contracts;
    }

    /** Why the endpoint itself cannot be used, whatever the deployment. */
    static Optional<String> endpointReason(EndpointInfo e) {
        if (!"Succeeded".equalsIgnoreCase(e.provisioningState())) {
            return Optional.of("The batch endpoint is not provisioned (provisioningState "
                    + e.provisioningState() + "); wait until it is Succeeded or fix its deployment.");
        }
        if (e.authMode() != null && !e.authMode().equalsIgnoreCase("AADToken")) {
            return Optional.of("The batch endpoint's auth mode is " + e.authMode() + "; batch endpoints are invoked"
                    + " with Microsoft Entra tokens (AADToken) only.");
        }
        if (e.scoringUri() == null || e.scoringUri().isBlank()) {
            return Optional.of("The batch endpoint has no scoring URI yet.");
        }
        return Optional.empty();
    }

    /** Why a deployment cannot be used. */
    Optional<String> deploymentReason(BatchArm arm, DeploymentInfo d) {
        if (!"Succeeded".equalsIgnoreCase(d.provisioningState())) {
            return Optional.of("Deployment '" + d.name() + "' is not provisioned (provisioningState "
                    + d.provisioningState() + ").");
        }
        switch (d.kind()) {
            case MODEL:
                if (d.summaryOnly()) {
                    return Optional.of("Deployment '" + d.name() + "' writes its own files to an output folder"
                            + " (outputAction SummaryOnly) instead of a predictions file; a model deployment must"
                            + " write one output file (outputAction AppendRow).");
                }
                return Optional.empty();
            case PIPELINE_COMPONENT:
                return pipelineReason(arm, d);
            default:
                return Optional.of("Deployment '" + d.name() + "' is neither a model deployment nor a"
                        + " pipeline-component deployment.");
        }
    }

    private Optional<String> pipelineReason(BatchArm arm, DeploymentInfo d) {
        ComponentSpec spec;
        try {
            spec = contracts.component(arm, d);
        } catch (CustomModelsException e) {
            return Optional.of(e.getMessage());
        }
        if (spec.dataInputs().isEmpty()) {
            return Optional.of("The pipeline component of deployment '" + d.name() + "' has no data input"
                    + " (uri_folder or uri_file) to take the staged entity data.");
        }
        if (spec.readableOutputs().isEmpty()) {
            return Optional.of("The pipeline component of deployment '" + d.name() + "' has no uri_folder or"
                    + " uri_file output to read results from.");
        }
        return Optional.empty();
    }
}
