package dev.custommodels.connectors.batch.implementation;

/**
 * A resolved model reference: the endpoint and the deployment that a call addresses.
 *
 * @param tenantId the tenant
 * @param workspaceId the workspace's ARM id
 * @param endpoint the endpoint
 * @param deployment the deployment (the default one when the reference names none)
 */
record Target(String tenantId, String workspaceId, EndpointInfo endpoint, DeploymentInfo deployment) {
}
