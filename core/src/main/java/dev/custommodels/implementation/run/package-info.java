/**
 * Run orchestration: the state machine of one run (lease, drift check, export, transfer policy, submit, remote
 * polling, collect, relate, commit), its record and checkpoints in the lake, and the error ledger. Internal; not
 * exported.
 *
 * <p>Lake layout of one run:
 * <pre>
 * runs/&lt;workflowId&gt;/lease.json                                the active run's lease (one per workflow)
 * runs/_ids/&lt;runId&gt;                                           which workflow a run id belongs to
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/run.json                          record and checkpoints
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/workflow.json                     the workflow as the run started
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/inputs/&lt;input&gt;/part-NNNNN.csv     staged input (header = model field names)
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/inputs/&lt;input&gt;/manifest.json     chunk manifest of that input
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/errors/export-&lt;input&gt;-NNNNN.csv   error ledger of the export
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/errors/commit-NNNNN.csv          error ledger of the commit
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/outputs/...                      the model's output as collected
 * runs/&lt;workflowId&gt;/&lt;runId&gt;/connector/...                    the connector's own checkpoints
 * </pre>
 */
package dev.custommodels.implementation.run;
