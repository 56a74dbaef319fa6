package dev.custommodels.storage.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.Response;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import com.azure.storage.file.datalake.options.DataLakeFileAppendOptions;
import com.azure.storage.file.datalake.options.DataLakeFileFlushOptions;
import dev.custommodels.spi.WriteCondition;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Writes one Data Lake file through a temporary file: the data is appended in parallel to a file in the store's
 * temporary folder as the stream fills, flushed on close, and then renamed onto the target with the write's
 * condition on the destination. On a hierarchical namespace the rename is atomic, so readers see the old file or
 * the new one; an abort or failure deletes the temporary file.
 */
public final class DataLakeRenameOutputStream extends BlockOutputStream {
    private static final ClientLogger LOGGER = new ClientLogger(DataLakeRenameOutputStream.class);

    private final DataLakeFileSystemClient fileSystem;
    private final DataLakeFileClient temp;
    private final String target;
    private final WriteCondition condition;
    private final String store;
    private volatile boolean created;

    /**
     * Creates the stream.
     *
     * @param path the lake path
     * @param fileSystem the file system
     * @param target the target's path in the file system
     * @param tempFolder the temporary folder's path in the file system, without trailing slash
     * @param condition the write's condition
     * @param store the store's description, for messages
     * @param buffers the store's block buffers, which fix the append size
     * @param maxConcurrency appends in flight
     * @param checksums whether to send each append's MD5 for the service to check
     * @param executor runs appends
     */
    public DataLakeRenameOutputStream(String path, DataLakeFileSystemClient fileSystem, String target,
            String tempFolder, WriteCondition condition, String store, BlockBuffers buffers, int maxConcurrency,
            boolean checksums, ExecutorService executor) {
        super(path, buffers, maxConcurrency, checksums, executor);
        this.fileSystem = fileSystem;
        this.target = target;
        this.temp = fileSystem.getFileClient(tempFolder + "/" + UUID.randomUUID());
        this.condition = condition;
        this.store = store;
    }

    @Override
    protected void stageBlock(int index, long position, ByteBuffer data, byte[] contentMd5) {
        ensureCreated();
        try {
            temp.appendWithResponse(BinaryData.fromByteBuffer(data), position, new DataLakeFileAppendOptions()
                    .setContentHash(contentMd5), null, Context.NONE);
        } catch (DataLakeStorageException e) {
            throw StorageErrors.failure(LOGGER, "Appending block " + index + " of", path, store, e);
        }
    }

    @Override
    protected String commitSingle(ByteBuffer data, byte[] contentMd5) {
        long length = data.remaining();
        if (length > 0) {
            stageBlock(0, 0, data, contentMd5);
        } else {
            ensureCreated();
        }
        return commitBlocks(1, length);
    }

    @Override
    protected String commitBlocks(int blockCount, long length) {
        try {
            temp.flushWithResponse(length, new DataLakeFileFlushOptions().setClose(true), null, Context.NONE);
        } catch (DataLakeStorageException e) {
            throw StorageErrors.failure(LOGGER, "Flushing", path, store, e);
        }
        try {
            return rename();
        } catch (DataLakeStorageException e) {
            if (StorageErrors.status(e) == 404 && "RenameDestinationParentPathNotFound".equals(StorageErrors.code(e))) {
                createParent();
                try {
                    return rename();
                } catch (DataLakeStorageException again) {
                    throw translateRenameFailure(again);
                }
            }
            throw translateRenameFailure(e);
        }
    }

    @Override
    protected void discard() {
        if (!created) {
            return;
        }
        try {
            temp.deleteIfExists();
        } catch (RuntimeException e) {
            LOGGER.verbose("Removing the temporary file of an unfinished write of {} failed: {}", path,
                    e.getMessage());
        }
    }

    private synchronized void ensureCreated() {
        if (created) {
            return;
        }
        try {
            temp.create(true);
            created = true;
        } catch (DataLakeStorageException e) {
            throw StorageErrors.failure(LOGGER, "Creating the temporary file of", path, store, e);
        }
    }

    private String rename() {
        DataLakeRequestConditions destination = new DataLakeRequestConditions();
        if (condition.isIfNotExists()) {
            destination.setIfNoneMatch("*");
        } else if (condition.getIfMatch() != null) {
            destination.setIfMatch(condition.getIfMatch());
        }
        Response<DataLakeFileClient> renamed = temp.renameWithResponse(null, target, null, destination, null,
                Context.NONE);
        created = false; // the temporary file is gone
        String etag = renamed.getHeaders().getValue(HttpHeaderName.ETAG);
        return etag != null ? etag : renamed.getValue().getProperties().getETag();
    }

    private void createParent() {
        int slash = target.lastIndexOf('/');
        if (slash > 0) {
            try {
                fileSystem.getDirectoryClient(target.substring(0, slash)).createIfNotExists();
            } catch (DataLakeStorageException e) {
                throw StorageErrors.failure(LOGGER, "Creating the folder of", path, store, e);
            }
        }
    }

    private RuntimeException translateRenameFailure(DataLakeStorageException e) {
        boolean missingTarget = StorageErrors.status(e) == 404 && condition.getIfMatch() != null
                && !"SourcePathNotFound".equals(StorageErrors.code(e));
        if (StorageErrors.isConditionFailure(e) || missingTarget) {
            String current = currentEtag();
            String why = condition.isIfNotExists() ? "an object already exists there"
                    : current == null ? "there is no object to replace"
                    : "its ETag is " + current + ", not " + condition.getIfMatch();
            return StorageErrors.conditionFailed(path, why, current);
        }
        return StorageErrors.failure(LOGGER, "Committing", path, store, e);
    }

    private String currentEtag() {
        try {
            return fileSystem.getFileClient(target).getProperties().getETag();
        } catch (DataLakeStorageException e) {
            return null;
        }
    }
}
