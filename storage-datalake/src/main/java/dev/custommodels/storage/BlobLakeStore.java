package dev.custommodels.storage;

import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakePaths;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.storage.implementation.BlobBlockOutputStream;
import dev.custommodels.storage.implementation.BlockBuffers;
import dev.custommodels.storage.implementation.StorageErrors;
import dev.custommodels.storage.implementation.StoreSupport;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * A lake on the Azure Blob API ({@code azure-storage-blob}): a container, optionally a folder inside it. Works on
 * plain storage accounts and on Data Lake Storage Gen2 accounts (which serve the Blob API too).
 *
 * <p>Writes stream as block blobs: blocks of {@link BlobLakeStoreBuilder#blockSize(long) blockSize} bytes are
 * staged in parallel (up to {@link BlobLakeStoreBuilder#maxConcurrency(int) maxConcurrency} at a time) while the
 * stream fills and committed on close with the write's condition ({@code If-None-Match: *} for create-only,
 * {@code If-Match} for an ETag), so readers never see part of an object and memory use is bounded by the block
 * size (direct memory past the first MiB, reused from write to write); an object of at most 1 MiB is one Put Blob.
 * The ETag is the blob's. Retries follow the builder's azure-core retry options. Folders are name prefixes;
 * directory marker blobs ({@code hdi_isfolder=true}) are not listed as objects.
 *
 * <p>Built by {@link BlobLakeStoreBuilder}; thread-safe.
 */
public final class BlobLakeStore implements LakeStore {
    private static final ClientLogger LOGGER = new ClientLogger(BlobLakeStore.class);
    private static final String FOLDER_METADATA = "hdi_isfolder";

    private final BlobContainerClient container;
    private final String root;
    private final BlockBuffers buffers;
    private final int maxConcurrency;
    private final boolean checksums;
    private final Signing signing;
    private final Clock clock;
    private final ExecutorService uploads;
    private final String description;

    /** How the store can sign URLs. */
    enum Signing { ACCOUNT_KEY, USER_DELEGATION, NONE }

    BlobLakeStore(BlobContainerClient container, String root, int blockSize, int maxConcurrency, boolean checksums,
            Signing signing, Clock clock) {
        this.container = container;
        this.root = root;
        this.buffers = new BlockBuffers(blockSize, maxConcurrency + 1);
        this.maxConcurrency = maxConcurrency;
        this.checksums = checksums;
        this.signing = signing;
        this.clock = clock;
        this.uploads = StoreSupport.uploadPool("blob");
        this.description = "blob:" + container.getBlobContainerUrl() + (root.isEmpty() ? "" : "/" + root.substring(0,
                root.length() - 1));
    }

    /**
     * Starts building a store.
     *
     * @return a new builder
     */
    public static BlobLakeStoreBuilder builder() {
        return new BlobLakeStoreBuilder();
    }

    @Override
    public InputStream openRead(String path) {
        BlobClient blob = blob(path);
        try {
            return blob.openInputStream();
        } catch (BlobStorageException e) {
            if (StorageErrors.status(e) == 404) {
                throw new LakeObjectNotFoundException(path);
            }
            throw StorageErrors.failure(LOGGER, "Reading", path, description, e);
        }
    }

    @Override
    public Optional<LakeObjectInfo> stat(String path) {
        BlobClient blob = blob(path);
        try {
            BlobProperties p = blob.getProperties();
            if (isFolder(p.getMetadata())) {
                return Optional.empty();
            }
            return Optional.of(new LakeObjectInfo(path, p.getBlobSize(), p.getETag(), p.getLastModified()));
        } catch (BlobStorageException e) {
            if (StorageErrors.status(e) == 404) {
                return Optional.empty();
            }
            throw StorageErrors.failure(LOGGER, "Reading the properties of", path, description, e);
        }
    }

    @Override
    public LakeOutputStream openWrite(String path, WriteCondition condition) {
        Objects.requireNonNull(condition, "condition");
        return new BlobBlockOutputStream(path, blob(path).getBlockBlobClient(), condition, description, buffers,
                maxConcurrency, checksums, uploads);
    }

    @Override
    public Stream<LakeObjectInfo> list(String prefix) {
        LakePaths.validatePrefix(prefix);
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(root + prefix)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        try {
            return container.listBlobs(options, null).stream()
                    .filter(item -> !isFolder(item.getMetadata()) && !item.getName().endsWith("/"))
                    .map(this::info);
        } catch (BlobStorageException e) {
            throw StorageErrors.failure(LOGGER, "Listing", prefix, description, e);
        }
    }

    @Override
    public boolean delete(String path, WriteCondition condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.isIfNotExists()) {
            throw new IllegalArgumentException("A delete cannot be create-only; use none() or ifMatch(etag).");
        }
        BlobClient blob = blob(path);
        try {
            blob.deleteWithResponse(null, new BlobRequestConditions().setIfMatch(condition.getIfMatch()), null,
                    Context.NONE);
            return true;
        } catch (BlobStorageException e) {
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
     * <p>The location names this store's account, its Blob endpoint and container, and the blob behind the path.
     */
    @Override
    public Optional<BlobLocation> blobLocation(String path) {
        LakePaths.validate(path);
        return Optional.of(new BlobLocation(container.getAccountName(), container.getServiceClient().getAccountUrl(),
                container.getBlobContainerName(), root + path));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A prefix that names one object (no trailing {@code /}) gets a blob SAS for that blob; a folder (trailing
     * {@code /}) or the empty prefix gets a container SAS, as the Blob API cannot scope a signature to a folder.
     * {@link LakeAccess#READ} grants read and list; {@link LakeAccess#WRITE} grants create and write. A store built
     * with a {@code TokenCredential} signs with a user delegation key, one built from a connection string with an
     * account key signs with that key, and one built with a SAS cannot sign (empty).
     *
     * @throws IllegalArgumentException if the validity is not positive or longer than seven days
     */
    @Override
    public Optional<String> signedUrl(String prefix, LakeAccess access, Duration validFor) {
        LakePaths.validatePrefix(prefix);
        Objects.requireNonNull(access, "access");
        StoreSupport.checkValidity(validFor);
        if (signing == Signing.NONE) {
            LOGGER.info("The store {} was built with a SAS and cannot mint signatures; build it with a"
                    + " TokenCredential or an account key connection string to sign.", description);
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime expiry = now.plus(validFor);
        boolean folder = prefix.isEmpty() || prefix.endsWith("/");
        BlobServiceSasSignatureValues values = folder
                ? new BlobServiceSasSignatureValues(expiry, containerPermission(access))
                : new BlobServiceSasSignatureValues(expiry, blobPermission(access));
        String url = folder ? container.getBlobContainerUrl() : blob(prefix).getBlobUrl();
        String token;
        if (signing == Signing.USER_DELEGATION) {
            values.setStartTime(now.minusMinutes(5));
            UserDelegationKey key = container.getServiceClient().getUserDelegationKey(now.minusMinutes(5), expiry);
            token = folder ? container.generateUserDelegationSas(values, key)
                    : blob(prefix).generateUserDelegationSas(values, key);
        } else {
            token = folder ? container.generateSas(values) : blob(prefix).generateSas(values);
        }
        return Optional.of(url + "?" + token);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "BlobLakeStore{" + description + "}";
    }

    private static BlobContainerSasPermission containerPermission(LakeAccess access) {
        return access == LakeAccess.READ
                ? new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)
                : new BlobContainerSasPermission().setCreatePermission(true).setWritePermission(true);
    }

    private static BlobSasPermission blobPermission(LakeAccess access) {
        return access == LakeAccess.READ ? new BlobSasPermission().setReadPermission(true)
                : new BlobSasPermission().setCreatePermission(true).setWritePermission(true);
    }

    private BlobClient blob(String path) {
        return container.getBlobClient(root + LakePaths.validate(path));
    }

    private LakeObjectInfo info(BlobItem item) {
        return new LakeObjectInfo(item.getName().substring(root.length()), item.getProperties().getContentLength(),
                StoreSupport.quoteEtag(item.getProperties().getETag()), item.getProperties().getLastModified());
    }

    private static boolean isFolder(java.util.Map<String, String> metadata) {
        return metadata != null && "true".equalsIgnoreCase(metadata.get(FOLDER_METADATA));
    }
}
