package dev.custommodels.testkit.emulator.blob;

import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakePaths;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test support: a lake store that keeps its data in another store and mints signed URLs for a
 * {@link SignedBlobEndpoint}, as a Blob-backed store would mint SAS URLs. Made by
 * {@link SignedBlobEndpoint#container(String, String, LakeStore)}.
 */
public final class SignedUrlLakeStore implements LakeStore {
    private final LakeStore delegate;
    private final SignedBlobEndpoint endpoint;
    private final String account;
    private final String container;

    SignedUrlLakeStore(LakeStore delegate, SignedBlobEndpoint endpoint, String account, String container) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.endpoint = endpoint;
        this.account = Objects.requireNonNull(account, "account");
        this.container = Objects.requireNonNull(container, "container");
    }

    /**
     * Returns the account name.
     *
     * @return the account
     */
    public String account() {
        return account;
    }

    /**
     * Returns the container name.
     *
     * @return the container
     */
    public String container() {
        return container;
    }

    @Override
    public InputStream openRead(String path) {
        return delegate.openRead(path);
    }

    @Override
    public Optional<LakeObjectInfo> stat(String path) {
        return delegate.stat(path);
    }

    @Override
    public LakeOutputStream openWrite(String path, WriteCondition condition) {
        return delegate.openWrite(path, condition);
    }

    @Override
    public Stream<LakeObjectInfo> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public boolean delete(String path, WriteCondition condition) {
        return delegate.delete(path, condition);
    }

    @Override
    public Optional<BlobLocation> blobLocation(String path) {
        return Optional.of(new BlobLocation(account, endpoint.endpointUrl(account), container, path));
    }

    /**
     * Mints a URL of the emulated endpoint that allows {@code access} to every blob whose path starts with
     * {@code prefix}, until {@code validFor} from now.
     *
     * @return the signed URL (a secret)
     */
    @Override
    public Optional<String> signedUrl(String prefix, LakeAccess access, Duration validFor) {
        LakePaths.validatePrefix(prefix);
        return Optional.of(endpoint.signedUrl(account, container, prefix, access, validFor));
    }

    @Override
    public String describe() {
        return "signed-blob:" + account + "/" + container + " over " + delegate.describe();
    }
}
