/**
 * The Azure Machine Learning v2 batch endpoint connector: its provider
 * ({@link dev.custommodels.connectors.batch.BatchEndpointConnectorProvider}, named {@code aml-batch-endpoint})
 * and its options ({@link dev.custommodels.connectors.batch.BatchEndpointOptions}). Everything else is internal.
 */
package dev.custommodels.connectors.batch;
