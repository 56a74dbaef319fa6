/**
 * Abstract contract suites that every implementation of an SPI subclasses:
 * {@link dev.custommodels.testkit.contract.ConnectorContractTest} for connectors (against their emulator) and
 * {@link dev.custommodels.testkit.contract.LakeStoreContractTest} for lake stores.
 */
package dev.custommodels.testkit.contract;
