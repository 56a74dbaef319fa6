/**
 * An emulator of Azure Machine Learning v1 pipeline endpoints: published pipelines and pipeline endpoints with
 * their parameters, submission with validation, cancellation, and the run history API with the documented state
 * machine. Runs really score the staged input with a {@link dev.custommodels.testkit.emulator.pipeline.PipelineModel}
 * and write CSV output to the requested datastore and path. Use it beside an
 * {@link dev.custommodels.testkit.emulator.arm.ArmEmulator}, which holds the workspaces and datastores.
 */
package dev.custommodels.testkit.emulator.pipeline;
