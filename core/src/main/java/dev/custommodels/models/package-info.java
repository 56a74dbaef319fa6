/**
 * Values, options and exceptions of the public API: entity schemas ({@link dev.custommodels.models.EntitySchema},
 * {@link dev.custommodels.models.Attribute}, {@link dev.custommodels.models.DataType}), a model's reference and
 * contract ({@link dev.custommodels.models.ModelReference}, {@link dev.custommodels.models.ServiceContract}),
 * workflows ({@link dev.custommodels.models.WorkflowDefinition} with its
 * {@link dev.custommodels.models.InputBinding}s and {@link dev.custommodels.models.OutputSettings}, and the saved
 * {@link dev.custommodels.models.Workflow}), and the unchecked exceptions, all subclasses of
 * {@link dev.custommodels.models.CustomModelsException}. Records validate their parts when created.
 */
package dev.custommodels.models;
