/**
 * An emulator of Azure Machine Learning v2 batch endpoints for connector tests: ARM batch endpoints, deployments
 * (model and pipeline component), component and model versions, jobs and cancel; the endpoint data plane (invoke
 * and job GET, which require the Azure Machine Learning token audience); run history errors; a job state machine
 * that advances on each status read; a model function that really scores the staged CSV files read from the
 * datastore; and faults on demand. Start from {@link dev.custommodels.testkit.emulator.batch.BatchEndpointEmulator}.
 */
package dev.custommodels.testkit.emulator.batch;
