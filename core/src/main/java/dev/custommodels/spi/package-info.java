/**
 * Interfaces for connector and lake store authors.
 *
 * <p>A model backend plugs in as a {@link dev.custommodels.spi.ConnectorProvider} (found with
 * {@link java.util.ServiceLoader}, or given to {@code CustomModelsClientBuilder.connectorProvider}) that creates a
 * {@link dev.custommodels.spi.Connector} from the client's {@link dev.custommodels.spi.ConnectorContext}: discovery
 * ({@link dev.custommodels.spi.WorkspaceInfo}, {@link dev.custommodels.spi.ServiceInfo}), contracts, access, and
 * remote jobs ({@link dev.custommodels.spi.JobRequest}, {@link dev.custommodels.spi.JobHandle},
 * {@link dev.custommodels.spi.JobStatus}). Storage plugs in as a {@link dev.custommodels.spi.LakeStore} with
 * conditional writes ({@link dev.custommodels.spi.WriteCondition}) and atomic streams
 * ({@link dev.custommodels.spi.LakeOutputStream}). The connector contract suite of the testkit module checks a
 * connector against its emulator; the examples module holds a small custom connector.
 */
package dev.custommodels.spi;
