package dev.custommodels.storage;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.models.DataLakeStorageException;
import com.azure.storage.file.datalake.models.ListPathsOptions;
import com.azure.storage.file.datalake.models.PathItem;
import com.azure.storage.file.datalake.models.PathProperties;
import com.azure.storage.file.datalake.models.UserDelegationKey;
import com.azure.storage.file.datalake.sas.DataLakeServiceSasSignatureValues;
import com.azure.storage.file.datalake.sas.FileSystemSasPermission;
import com.azure.storage.file.datalake.sas.PathSasPermission;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakePaths;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.storage.implementation.BlockBuffers;
import dev.custommodels.storage.implementation.DataLakeRenameOutputStream;
import dev.custommodels.storage.implementation.StorageErrors;
import dev.custommodels.storage.implementation.StoreSupport;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * A lake on Azure Data Lake Storage Gen2 ({@code azure-storage-file-datalake}): a file system (container) with a
 * hierarchical namespace, optionally a folder inside it.
 *
 * <p>A write appends blocks in parallel to a temporary file under {@code .cm-tmp/} of the store's root as the
 * stream fills, flushes it on close, and renames it onto the target with the write's condition on the destination
 * ({@code If-None-Match: *} for create-only, {@code If-Match} for an ETag). The namespace makes that rename atomic,
 * so readers see the old file or the new one; an abort deletes the temporary file. The ETag is the file's.
 * Listing walks the folder that holds the prefix and sorts the result, so a listing is held in memory (paths, not
 * data). The temporary folder is never listed.
 *
 * <p>Built by {@link DataLakeLakeStoreBuilder}; thread-safe.
 */
public final class DataLakeLakeStore implements LakeStore {
    private static final ClientLogger LOGGER = new ClientLogger(DataLakeLakeStore.class);

    private final DataLakeServiceClient service;
    private final DataLakeFileSystemClient fileSystem;
    private final String root;
    private final BlockBuffers buffers;
    private final int maxConcurrency;
    private final boolean checksums;
    private final BlobLakeStore.Signing signing;
    private final Clock clock;
    private final ExecutorService uploads;
    private final String description;

    DataLakeLakeStore(DataLakeServiceClient service, String fileSystemName, String root, int blockSize,
            int maxConcurrency, boolean checksums, BlobLakeStore.Signing signing, Clock clock) {
        this.service = service;
        this.fileSystem = service.getFileSystemClient(fileSystemName);
        this.root = root;
        this.buffers = new BlockBuffers(blockSize, maxConcurrency + 1);
        this.maxConcurrency = maxConcurrency;
        this.checksums = checksums;
        this.signing = signing;
        this.clock = clock;
        this.uploads = StoreSupport.uploadPool("datalake");
        this.description = "adls:" + fileSystem.getFileSystemUrl()
                + (root.isEmpty() ? "" : "/" + root.substring(0, root.length() - 1));
    }

    /**
     * Starts building a store.
     *
     * @return a new builder
     */
    public static DataLakeLakeStoreBuilder builder() {
        return new DataLakeLakeStoreBuilder();
    }

    @Override
    public InputStream openRead(String path) {
        try {
            return file(path).openInputStream().getInputStream();
        } catch (HttpResponseException e) { // the read goes through the Blob API and may throw its exception
            if (StorageErrors.status(e) == 404) {
                throw new LakeObjectNotFoundException(path);
            }
            throw StorageErrors.failure(LOGGER, "Reading", path, description, e);
        }
    }

    @Override
    public Optional<LakeObjectInfo> stat(String path) {
        try {
            PathProperties p = file(path).getProperties();
            return p.isDirectory() ? Optional.empty()
                    : Optional.of(new LakeObjectInfo(path, p.getFileSize(), p.getETag(), p.getLastModified()));
        } catch (DataLakeStorageException e) {
            if (StorageErrors.status(e) == 404) {
                return Optional.empty();
            }
            throw StorageErrors.failure(LOGGER, "Reading the properties of", path, description, e);
        }
    }

    @Override
    public LakeOutputStream openWrite(String path, WriteCondition condition) {
        Objects.requireNonNull(condition, "condition");
        LakePaths.validate(path);
        return new DataLakeRenameOutputStream(path, fileSystem, root + path, root + StoreSupport.TEMP_FOLDER,
                condition, description, buffers, maxConcurrency, checksums, uploads);
    }

    @Override
    public Stream<LakeObjectInfo> list(String prefix) {
        LakePaths.validatePrefix(prefix);
        String full = root + prefix;
        int slash = full.lastIndexOf('/');
        ListPathsOptions options = new ListPathsOptions().setRecursive(true);
        if (slash > 0) {
            options.setPath(full.substring(0, slash));
        }
        String temp = root + StoreSupport.TEMP_FOLDER + "/";
        try {
            List<LakeObjectInfo> found = fileSystem.listPaths(options, null).stream()
                    .filter(item -> !Boolean.TRUE.equals(item.isDirectory()))
                    .filter(item -> item.getName().startsWith(full) && !item.getName().startsWith(temp))
                    .map(this::info)
                    .sorted(Comparator.comparing(LakeObjectInfo::path))
                    .toList();
            return found.stream();
        } catch (DataLakeStorageException e) {
            if (StorageErrors.status(e) == 404) {
                return Stream.empty();
            }
            throw StorageErrors.failure(LOGGER, "Listing", prefix, description, e);
        }
    }

    @Override
    public boolean delete(String path, WriteCondition condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.isIfNotExists()) {
            throw new IllegalArgumentException("A delete cannot be create-only; use none() or ifMatch(etag).");
        }
        try {
            file(path).deleteWithResponse(new DataLakeRequestConditions().setIfMatch(condition.getIfMatch()), null,
                    Context.NONE);
            return true;
        } catch (DataLakeStorageException e) {
            if (StorageErrors.status(e) == 404) {
                return false;
            }
            if (StorageErrors.status(e) == 412) {
                Optional<LakeObjectInfo> now = stat(path);
                if (now.isEmpty()) {
                    return false;
                }
                throw StorageErrors.conditionFailed(path, "its ETag is " + now.get().etag() + ", not "
                        + condition.getIfMatch(), now.get().etag());
            }
            throw StorageErrors.failure(LOGGER, "Deleting", path, description, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The endpoint is the account's Blob endpoint ({@code .dfs.} becomes {@code .blob.}), which every Azure
     * service that reads blobs accepts.
     */
    @Override
    public Optional<BlobLocation> blobLocation(String path) {
        LakePaths.validate(path);
        return Optional.of(new BlobLocation(service.getAccountName(), toBlobUrl(service.getAccountUrl()),
                fileSystem.getFileSystemName(), root + path));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A folder (trailing {@code /}) gets a directory SAS scoped to that folder; the empty prefix gets one for
     * the store's root folder, or a file system SAS when the store is rooted at the file system; one object gets a
     * file SAS. {@link LakeAccess#READ} grants read and list; {@link LakeAccess#WRITE} grants create and write. The
     * URL is the Blob endpoint's (a SAS is valid on both endpoints). A store built with a {@code TokenCredential}
     * signs with a user delegation key, one built from a connection string with an account key signs with that
     * key, and one built with a SAS cannot sign (empty).
     *
     * @throws IllegalArgumentException if the validity is not positive or longer than seven days
     */
    @Override
    public Optional<String> signedUrl(String prefix, LakeAccess access, Duration validFor) {
        LakePaths.validatePrefix(prefix);
        Objects.requireNonNull(access, "access");
        StoreSupport.checkValidity(validFor);
        if (signing == BlobLakeStore.Signing.NONE) {
            LOGGER.info("The store {} was built with a SAS and cannot mint signatures; build it with a"
                    + " TokenCredential or an account key connection string to sign.", description);
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime expiry = now.plus(validFor);
        String full = (root + prefix).replaceAll("/+$", "");
        boolean folder = prefix.isEmpty() || prefix.endsWith("/");
        DataLakeServiceSasSignatureValues values = full.isEmpty()
                ? new DataLakeServiceSasSignatureValues(expiry, fileSystemPermission(access))
                : new DataLakeServiceSasSignatureValues(expiry, pathPermission(access, folder));
        UserDelegationKey key = null;
        if (signing == BlobLakeStore.Signing.USER_DELEGATION) {
            values.setStartTime(now.minusMinutes(5));
            key = service.getUserDelegationKey(now.minusMinutes(5), expiry);
        }
        String url;
        String token;
        if (full.isEmpty()) {
            url = fileSystem.getFileSystemUrl();
            token = key != null ? fileSystem.generateUserDelegationSas(values, key) : fileSystem.generateSas(values);
        } else if (folder) {
            var dir = fileSystem.getDirectoryClient(full);
            url = dir.getDirectoryUrl();
            token = key != null ? dir.generateUserDelegationSas(values, key) : dir.generateSas(values);
        } else {
            DataLakeFileClient file = fileSystem.getFileClient(full);
            url = file.getFileUrl();
            token = key != null ? file.generateUserDelegationSas(values, key) : file.generateSas(values);
        }
        return Optional.of(toBlobUrl(url) + "?" + token);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "DataLakeLakeStore{" + description + "}";
    }

    private static FileSystemSasPermission fileSystemPermission(LakeAccess access) {
        return access == LakeAccess.READ
                ? new FileSystemSasPermission().setReadPermission(true).setListPermission(true)
                : new FileSystemSasPermission().setCreatePermission(true).setWritePermission(true);
    }

    private static PathSasPermission pathPermission(LakeAccess access, boolean folder) {
        return access == LakeAccess.READ
                ? new PathSasPermission().setReadPermission(true).setListPermission(folder)
                : new PathSasPermission().setCreatePermission(true).setWritePermission(true);
    }

    private static String toBlobUrl(String url) {
        return url.replaceFirst("^(https?://[^/]*)\\.dfs\\.", "$1.blob.").replace("%2F", "/");
    }

    private DataLakeFileClient file(String path) {
        return fileSystem.getFileClient(root + LakePaths.validate(path));
    }

    private LakeObjectInfo info(PathItem item) {
        return new LakeObjectInfo(item.getName().substring(root.length()), item.getContentLength(),
                StoreSupport.quoteEtag(item.getETag()), item.getLastModified());
    }
}
