/**
 * The Azure Machine Learning pipeline connector ({@code aml-pipeline}): workspaces over ARM, pipeline endpoints
 * and their default published pipeline, eligibility with reasons, the RBAC check and Contributor grant at save,
 * and runs that stage input in a workspace datastore, submit, poll run history, cancel, and collect the output.
 */
package dev.custommodels.connectors.pipeline;
