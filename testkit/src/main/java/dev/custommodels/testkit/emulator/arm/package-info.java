/**
 * An emulator of the Azure Resource Manager calls connectors make around Azure Machine Learning: subscriptions,
 * workspaces with their discovery document, datastores backed by lake stores, effective permissions and role
 * assignments, with bearer-token audience and tenant checks and {@code nextLink} paging.
 */
package dev.custommodels.testkit.emulator.arm;
