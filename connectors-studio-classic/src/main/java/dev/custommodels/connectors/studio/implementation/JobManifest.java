package dev.custommodels.connectors.studio.implementation;

import static dev.custommodels.connectors.studio.StudioClassicOptions.CONNECTOR_NAME;

import dev.custommodels.models.ModelReference;
import java.util.List;
import java.util.Map;

/**
 * What a job needs to continue in any process, written to the lake at submit (never a key or a signed URL).
 *
 * @param version the manifest format version
 * @param mode {@code rrs} or {@code bes}
 * @param runId the run
 * @param workflowId the workflow
 * @param tenantId the model's tenant
 * @param workspaceId the model's workspace
 * @param serviceId the model's service
 * @param endpoint the model's endpoint, or {@code null}
 * @param inputs the staged inputs; RRS has exactly one
 * @param output the model output kept, or {@code null} for the first the service returns
 * @param parameters the global parameter values sent
 * @param rowCount the rows of the first input
 * @param chunkSize RRS: rows per chunk
 * @param concurrency RRS: requests in flight
 * @param chunks RRS: the chunks, in row order
 * @param besJobId BES: the service's job id
 * @param staging BES: where the input and output blobs are
 * @param outputBlob BES: the output blob's path in the staging store
 */
record JobManifest(int version, String mode, String runId, String workflowId, String tenantId, String workspaceId,
        String serviceId, String endpoint, List<InputPart> inputs, String output, Map<String, String> parameters,
        long rowCount, int chunkSize, int concurrency, List<ChunkSpan> chunks, String besJobId,
        StagingPlace staging, String outputBlob) {

    /**
     * One staged input.
     *
     * @param name the model input
     * @param paths the lake paths of its CSV files
     * @param stagedColumns the columns of those files
     * @param sentFields the columns sent to the model, in the model's order
     * @param blobPath BES: the blob the service reads, in the staging store; else {@code null}
     */
    record InputPart(String name, List<String> paths, List<String> stagedColumns, List<String> sentFields,
            String blobPath) {
    }

    /**
     * One RRS chunk: rows {@code [offset…]} of file {@code file}.
     *
     * @param file the index into the input's paths
     * @param offset the byte offset of the chunk's first record
     * @param rows the records in the chunk
     */
    record ChunkSpan(int file, long offset, int rows) {
    }

    /**
     * The BES staging store.
     *
     * @param kind {@code datastore} (a container resolved through the context) or {@code lake}
     * @param account the storage account, for {@code datastore}
     * @param endpoint the Blob endpoint, for {@code datastore}
     * @param container the container, for {@code datastore}
     */
    record StagingPlace(String kind, String account, String endpoint, String container) {
    }

    ModelReference model() {
        return new ModelReference(CONNECTOR_NAME, tenantId, workspaceId, serviceId, endpoint);
    }

    boolean isRrs() {
        return "rrs".equals(mode);
    }
}
