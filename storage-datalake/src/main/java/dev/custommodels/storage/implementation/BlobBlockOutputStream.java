package dev.custommodels.storage.implementation;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.WriteCondition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Writes one block blob: blocks are staged (Put Block) as the stream fills and committed (Put Block List) on close
 * with the write's condition, so nothing is visible before the commit and an abort leaves the blob as it was. An
 * object that fits in the first block (at most 1 MiB) is written with one Put Blob.
 */
public final class BlobBlockOutputStream extends BlockOutputStream {
    private static final ClientLogger LOGGER = new ClientLogger(BlobBlockOutputStream.class);

    private final BlockBlobClient blob;
    private final WriteCondition condition;
    private final String store;
    private final String streamId = UUID.randomUUID().toString().replace("-", "");

    /**
     * Creates the stream.
     *
     * @param path the lake path
     * @param blob the blob
     * @param condition the write's condition
     * @param store the store's description, for messages
     * @param buffers the store's block buffers, which fix the block size
     * @param maxConcurrency blocks in flight
     * @param checksums whether to send each block's MD5 for the service to check
     * @param executor runs block uploads
     */
    public BlobBlockOutputStream(String path, BlockBlobClient blob, WriteCondition condition, String store,
            BlockBuffers buffers, int maxConcurrency, boolean checksums, ExecutorService executor) {
        super(path, buffers, maxConcurrency, checksums, executor);
        this.blob = blob;
        this.condition = condition;
        this.store = store;
    }

    /**
     * Maps a lake condition to Blob request conditions.
     *
     * @param condition the condition
     * @return the request conditions
     */
    public static BlobRequestConditions requestConditions(WriteCondition condition) {
        BlobRequestConditions conditions = new BlobRequestConditions();
        if (condition.isIfNotExists()) {
            conditions.setIfNoneMatch("*");
        } else if (condition.getIfMatch() != null) {
            conditions.setIfMatch(condition.getIfMatch());
        }
        return conditions;
    }

    @Override
    protected void stageBlock(int index, long position, ByteBuffer data, byte[] contentMd5) {
        try {
            blob.stageBlockWithResponse(new BlockBlobStageBlockOptions(blockId(index), BinaryData.fromByteBuffer(data))
                    .setContentMd5(contentMd5), null, Context.NONE);
        } catch (BlobStorageException e) {
            throw StorageErrors.failure(LOGGER, "Uploading block " + index + " of", path, store, e);
        }
    }

    @Override
    protected String commitSingle(ByteBuffer data, byte[] contentMd5) {
        try {
            return blob.uploadWithResponse(new BlockBlobSimpleUploadOptions(BinaryData.fromByteBuffer(data))
                    .setContentMd5(contentMd5)
                    .setRequestConditions(requestConditions(condition)), null, Context.NONE).getValue().getETag();
        } catch (BlobStorageException e) {
            throw translateCommitFailure(e);
        }
    }

    @Override
    protected String commitBlocks(int blockCount, long length) {
        List<String> ids = new ArrayList<>(blockCount);
        for (int i = 0; i < blockCount; i++) {
            ids.add(blockId(i));
        }
        try {
            return blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(ids)
                    .setRequestConditions(requestConditions(condition)), null, Context.NONE).getValue().getETag();
        } catch (BlobStorageException e) {
            if (StorageErrors.status(e) == 400 && "InvalidBlockList".equals(StorageErrors.code(e))) {
                throw LOGGER.logExceptionAsWarning(new CustomModelsException("Committing lake path '" + path
                        + "' in " + store + " failed: another writer committed the same path while this one was"
                        + " uploading, which discarded its blocks. Nothing was written; write again.", e));
            }
            throw translateCommitFailure(e);
        }
    }

    @Override
    protected void discard() {
        // Uncommitted blocks are invisible and the service drops them; nothing to undo.
    }

    private RuntimeException translateCommitFailure(BlobStorageException e) {
        if (StorageErrors.isConditionFailure(e) || (StorageErrors.status(e) == 404 && condition.getIfMatch() != null
                && "BlobNotFound".equals(StorageErrors.code(e)))) {
            String current = currentEtag();
            String why = condition.isIfNotExists() ? "an object already exists there"
                    : current == null ? "there is no object to replace"
                    : "its ETag is " + current + ", not " + condition.getIfMatch();
            return StorageErrors.conditionFailed(path, why, current);
        }
        return StorageErrors.failure(LOGGER, "Writing", path, store, e);
    }

    private String currentEtag() {
        try {
            return blob.getProperties().getETag();
        } catch (BlobStorageException e) {
            return null;
        }
    }

    private String blockId(int index) {
        return Base64.getEncoder().encodeToString((streamId + "-" + String.format("%010d", index))
                .getBytes(StandardCharsets.US_ASCII));
    }
}
