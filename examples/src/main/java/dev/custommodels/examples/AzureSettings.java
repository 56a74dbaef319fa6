package dev.custommodels.examples;

import java.util.Map;
import java.util.Optional;

/**
 * The settings of the quickstart's {@code --azure} mode, read from environment variables.
 *
 * <ul>
 *   <li>{@code CUSTOM_MODELS_TENANT_ID} (required): the Azure AD tenant of the workspaces.</li>
 *   <li>{@code CUSTOM_MODELS_LAKE_DIR}: the local lake directory (default {@code quickstart-azure-lake}).</li>
 *   <li>{@code CUSTOM_MODELS_SERVICE_PRINCIPAL_ID}: the object id of the host's service principal, granted
 *       Contributor on a pipeline's workspace when a workflow is saved.</li>
 *   <li>{@code CUSTOM_MODELS_CUSTOMERS_CSV}: a CSV file of customers (header row) to map the first model
 *       onto; without it the generated sample customers are used.</li>
 * </ul>
 *
 * <p>Credentials come from azure-identity's {@code DefaultAzureCredential} (environment, managed identity, Azure
 * CLI, ...), so {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET} and {@code AZURE_TENANT_ID}, or an
 * {@code az login}, work as usual.
 *
 * @param tenantId the tenant
 * @param lakeDirectory the lake directory
 * @param servicePrincipalId the service principal's object id, or {@code null}
 * @param customersCsv the customers CSV, or {@code null}
 */
record AzureSettings(String tenantId, String lakeDirectory, String servicePrincipalId, String customersCsv) {

    static AzureSettings fromEnvironment(Map<String, String> env) {
        String tenant = Optional.ofNullable(env.get("CUSTOM_MODELS_TENANT_ID")).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("Set CUSTOM_MODELS_TENANT_ID to the tenant of your Azure"
                        + " ML workspaces to run the quickstart against Azure."));
        return new AzureSettings(tenant, env.getOrDefault("CUSTOM_MODELS_LAKE_DIR", "quickstart-azure-lake"),
                env.get("CUSTOM_MODELS_SERVICE_PRINCIPAL_ID"), env.get("CUSTOM_MODELS_CUSTOMERS_CSV"));
    }
}
