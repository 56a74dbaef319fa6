/**
 * Runnable examples of custom-models, each a class with a {@code main} method that runs against the emulated
 * Azure of the testkit, and is run by a test: {@link dev.custommodels.examples.PipelineWorkflowExample}
 * (discovery, a hand-made binding, the permission refusal and grant),
 * {@link dev.custommodels.examples.CustomConnectorExample} (a connector plugged in through the SPI,
 * {@link dev.custommodels.examples.LocalModelConnectorProvider}) and
 * {@link dev.custommodels.examples.JdbcEntitySourceExample} (an entity read from an embedded SQL database).
 * {@link dev.custommodels.examples.SampleEntities} generates the sample Customer and Purchases entities and
 * {@link dev.custommodels.examples.RunReport} writes a run's HTML report. The README's code samples are taken from
 * these classes.
 */
package dev.custommodels.examples;
