/**
 * The Studio (classic) connector, named {@code studio-classic}: web services published from Azure Machine
 * Learning Studio (classic), and ARM ("new") web services.
 *
 * <h2>Discovery</h2>
 * Workspaces are the classic workspaces ({@code Microsoft.MachineLearning/workspaces}) of every subscription the
 * tenant's credential sees; a workspace id is its ARM resource id. Services are the web services the classic
 * management API lists (with the workspace token from {@code listWorkspaceKeys}), each through its default
 * endpoint, plus the ARM web services ({@code Microsoft.MachineLearning/webServices}) linked to the workspace. A
 * service id is the classic web service id, or the ARM resource id of an ARM web service; a model reference's
 * {@code endpoint} names a non-default classic endpoint. {@link dev.custommodels.spi.WorkspaceInfo#ANY} searches
 * every classic workspace of the tenant. Services that cannot be used (no endpoint, no API location, no input, a
 * field type without a mapping) are listed with the reason.
 *
 * <h2>Contracts</h2>
 * Read from the endpoint's {@code swagger.json} (ARM web services: their {@code input}, {@code output} and
 * {@code parameters}). Types map as follows: {@code string} to STRING, {@code string/date-time} to DATETIME,
 * {@code string/date} to DATE, {@code integer} (any int format) to INTEGER, {@code number} (double, float,
 * decimal) to NUMBER, {@code boolean} to BOOLEAN. Any other type or format is reported as a problem naming the
 * field and the type; it is never guessed.
 *
 * <h2>Jobs</h2>
 * The mode follows {@link dev.custommodels.connectors.studio.StudioClassicOptions#MODE}.
 * <ul>
 * <li><b>RRS</b>: a client-side job whose id is the run id. Submit indexes the staged CSV files into chunks and
 * writes a manifest under the request's work prefix; each poll scores at most
 * {@link dev.custommodels.connectors.studio.StudioClassicOptions#RRS_CHUNKS_PER_POLL} missing chunks with
 * bounded concurrency and retries, and checkpoints each chunk's result in the lake, so any process that holds
 * the handle continues where another stopped and scores only the missing chunks.</li>
 * <li><b>BES</b>: the staged input is copied to a staging container, the service gets a read-signed URL for it
 * and a write-signed URL for the output; the job is created, its id written to the manifest, then started;
 * polls read its status, cancel deletes it.</li>
 * </ul>
 *
 * <h2>Output and its relation to input rows</h2>
 * Only the model's input fields are sent to the service; other staged columns (such as a Customer ID that the
 * model does not take) stay in the lake. The collected output has the model output's columns, followed by every
 * staged input column the model output does not already carry, joined by row position: output row {@code n} is
 * staged input row {@code n} (RRS: chunk {@code n / chunkSize}, row {@code n % chunkSize}). A model that returns
 * a different number of rows than it was sent fails the job rather than relating rows wrongly.
 *
 * <h2>Keys</h2>
 * API keys come from {@link dev.custommodels.spi.ConnectorContext#apiKey} or else from the management API (the
 * endpoint's primary key, or {@code listKeys} of an ARM web service). They are kept in memory only: never in a
 * job handle, a lake file, a log line or an exception message.
 */
package dev.custommodels.connectors.studio;
