/**
 * A loopback dfs-to-blob gateway: our own translation of the Azure Data Lake Storage Gen2 ({@code dfs}) calls the
 * DataLake client sends into Blob calls against Azurite, which has no dfs endpoint. Tests that use it are gateway
 * tests: they check how a store shapes its requests, not how the real service behaves. Start it with
 * {@link dev.custommodels.testkit.gateway.DfsGateway#start(String)}.
 */
package dev.custommodels.testkit.gateway;
