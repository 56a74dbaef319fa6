/**
 * Azure Resource Manager support for connector authors: {@link dev.custommodels.spi.azure.ArmClient} lists
 * subscriptions and Azure Machine Learning workspaces, resolves datastores to blob locations, checks effective
 * permissions and creates role assignments; {@link dev.custommodels.spi.azure.BearerTokenPolicy} authenticates
 * requests to any Azure AD protected API; {@link dev.custommodels.spi.azure.ArmException} carries the service's
 * error code, status and request id.
 */
package dev.custommodels.spi.azure;
