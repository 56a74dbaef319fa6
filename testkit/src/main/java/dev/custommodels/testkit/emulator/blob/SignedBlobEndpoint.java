package dev.custommodels.testkit.emulator.blob;

import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An emulated Blob endpoint for tests: {@code GET}, {@code HEAD} and {@code PUT} (with
 * {@code x-ms-blob-type: BlockBlob}) on {@code /blob/{account}/{container}/{blob}}, each checked against a signature
 * that {@link SignedUrlLakeStore#signedUrl} minted: an HMAC-SHA256, with a random key per endpoint, over the account,
 * container, path prefix, permission and expiry. A wrong, expired or too narrow signature gets 403
 * {@code AuthenticationFailed}, as Azure Storage answers. Signatures are secrets; the endpoint never logs them.
 *
 * <pre>{@code
 * SignedBlobEndpoint blobs = new SignedBlobEndpoint();
 * LakeStore staging = blobs.container("stagingacct", "staging", new LocalLakeStore(dir));
 * Emulator emulator = Emulator.builder().service(studio).service(blobs).build();
 * }</pre>
 */
public final class SignedBlobEndpoint implements EmulatedService {
    /** The path every blob URL of this endpoint starts with. */
    public static final String PATH_PREFIX = "/blob";

    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, SignedUrlLakeStore> containers = new ConcurrentHashMap<>();
    private volatile String baseUrl = "http://emulator.invalid";

    /** Creates an endpoint that checks expiry against the system clock. */
    public SignedBlobEndpoint() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an endpoint.
     *
     * @param clock the clock signatures expire by
     */
    public SignedBlobEndpoint(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        new SecureRandom().nextBytes(key);
    }

    /**
     * Serves a container from a lake store and returns the store, decorated so that it signs URLs for this
     * endpoint.
     *
     * @param account the account name
     * @param container the container name
     * @param backing where the blobs live
     * @return the decorated store
     */
    public SignedUrlLakeStore container(String account, String container, LakeStore backing) {
        SignedUrlLakeStore store = new SignedUrlLakeStore(backing, this, account, container);
        containers.put(account + "/" + container, store);
        return store;
    }

    /**
     * Returns a container served by this endpoint.
     *
     * @param account the account
     * @param container the container
     * @return the store
     * @throws IllegalArgumentException if the container is not served, naming those that are
     */
    public SignedUrlLakeStore store(String account, String container) {
        SignedUrlLakeStore s = containers.get(account + "/" + container);
        if (s == null) {
            throw new IllegalArgumentException("The blob endpoint serves no container " + account + "/" + container
                    + "; it serves " + containers.keySet() + ".");
        }
        return s;
    }

    /**
     * Returns the Blob service endpoint of an account, as {@link dev.custommodels.spi.BlobLocation#endpoint()}.
     *
     * @param account the account
     * @return the endpoint URL, path style
     */
    public String endpointUrl(String account) {
        return baseUrl + PATH_PREFIX + "/" + account;
    }

    @Override
    public String name() {
        return "signed-blob";
    }

    @Override
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    @Override
    public void register(Routes routes) {
        routes.get(PATH_PREFIX + "/{account}/{container}/{path*}", (r, v) -> read(r, v, true));
        routes.add("HEAD", PATH_PREFIX + "/{account}/{container}/{path*}", (r, v) -> read(r, v, false));
        routes.put(PATH_PREFIX + "/{account}/{container}/{path*}", this::write);
    }

    String signedUrl(String account, String container, String prefix, LakeAccess access, Duration validFor) {
        Instant expiry = clock.instant().plus(validFor);
        String sp = access == LakeAccess.READ ? "r" : "w";
        String sig = sign(account, container, prefix, sp, expiry.toString());
        StringBuilder url = new StringBuilder(endpointUrl(account)).append('/').append(encodePath(container));
        if (!prefix.isEmpty()) {
            url.append('/').append(encodePath(prefix));
        }
        return url.append("?sv=emulator&sp=").append(sp).append("&se=").append(encode(expiry.toString()))
                .append("&spr=").append(encode(prefix)).append("&sig=").append(encode(sig)).toString();
    }

    private EmulatorResponse read(EmulatorRequest request, Map<String, String> vars, boolean withBody) {
        Optional<EmulatorResponse> denied = check(request, vars, "r");
        if (denied.isPresent()) {
            return denied.get();
        }
        SignedUrlLakeStore store = containers.get(vars.get("account") + "/" + vars.get("container"));
        Optional<LakeObjectInfo> info = store.stat(vars.get("path"));
        if (info.isEmpty()) {
            return storageError(404, "BlobNotFound", "The specified blob does not exist.");
        }
        try {
            byte[] body = withBody ? store.readAll(vars.get("path")) : new byte[0];
            return new EmulatorResponse(200, Map.of("Content-Type", "application/octet-stream", "ETag",
                    info.get().etag(), "x-ms-blob-type", "BlockBlob"), body);
        } catch (LakeObjectNotFoundException e) {
            return storageError(404, "BlobNotFound", "The specified blob does not exist.");
        }
    }

    private EmulatorResponse write(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatorResponse> denied = check(request, vars, "w");
        if (denied.isPresent()) {
            return denied.get();
        }
        if (!request.header("x-ms-blob-type").map("BlockBlob"::equalsIgnoreCase).orElse(false)) {
            return storageError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is"
                    + " not specified: x-ms-blob-type.");
        }
        SignedUrlLakeStore store = containers.get(vars.get("account") + "/" + vars.get("container"));
        String etag = store.write(vars.get("path"), request.body(), WriteCondition.none());
        return new EmulatorResponse(201, Map.of("ETag", etag), new byte[0]);
    }

    private Optional<EmulatorResponse> check(EmulatorRequest request, Map<String, String> vars, String needed) {
        String account = vars.get("account");
        String container = vars.get("container");
        try {
            dev.custommodels.spi.LakePaths.validate(vars.get("path"));
        } catch (IllegalArgumentException e) {
            return Optional.of(storageError(400, "InvalidUri", "The requested URI does not represent any resource on"
                    + " the server."));
        }
        if (!containers.containsKey(account + "/" + container)) {
            return Optional.of(storageError(404, "ContainerNotFound", "The specified container does not exist."));
        }
        String sp = request.queryParam("sp").orElse("");
        String se = request.queryParam("se").orElse("");
        String spr = request.queryParam("spr").orElse(null);
        String sig = request.queryParam("sig").orElse(null);
        if (sig == null || spr == null) {
            return Optional.of(denied("The request carries no signature."));
        }
        byte[] expected = sign(account, container, spr, sp, se).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(denied("Signature did not match."));
        }
        try {
            if (!clock.instant().isBefore(Instant.parse(se))) {
                return Optional.of(denied("Signed expiry time has passed."));
            }
        } catch (DateTimeParseException e) {
            return Optional.of(denied("Signed expiry time is not valid."));
        }
        if (!sp.contains(needed)) {
            return Optional.of(storageError(403, "AuthorizationPermissionMismatch",
                    "This request is not authorized to perform this operation using this permission."));
        }
        if (!vars.get("path").startsWith(spr)) {
            return Optional.of(storageError(403, "AuthorizationResourceTypeMismatch",
                    "This request is not authorized to perform this operation on this resource."));
        }
        return Optional.empty();
    }

    private String sign(String account, String container, String prefix, String permission, String expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((account + "\n" + container + "\n" + prefix + "\n" + permission + "\n"
                    + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available.", e);
        }
    }

    private static EmulatorResponse denied(String why) {
        return storageError(403, "AuthenticationFailed", "Server failed to authenticate the request. " + why);
    }

    private static EmulatorResponse storageError(int status, String code, String message) {
        return new EmulatorResponse(status, Map.of("Content-Type", "application/xml", "x-ms-error-code", code),
                ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>").getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(encode(segment));
        }
        return b.toString();
    }
}
