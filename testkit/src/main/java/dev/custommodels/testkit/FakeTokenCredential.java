package dev.custommodels.testkit;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A credential for emulators: it issues unsigned JWT-shaped tokens whose {@code aud} claim is the requested
 * scope's resource and whose {@code tid} is the tenant, and records every scope asked for, so tests can check
 * audiences per plane.
 */
public final class FakeTokenCredential implements TokenCredential {
    private final String tenantId;
    private final List<String> requestedScopes = new CopyOnWriteArrayList<>();

    /**
     * Creates a credential for one tenant.
     *
     * @param tenantId the tenant written into the tokens
     */
    public FakeTokenCredential(String tenantId) {
        this.tenantId = tenantId;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        List<String> scopes = new ArrayList<>(request.getScopes());
        requestedScopes.addAll(scopes);
        String scope = scopes.isEmpty() ? "" : scopes.get(0);
        String audience = scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length())
                : scope;
        return new AccessToken(token(audience, tenantId), OffsetDateTime.now().plusHours(1));
    }

    /**
     * Builds an unsigned token for an audience and a tenant, as emulators accept them.
     *
     * @param audience the audience, such as {@code https://management.azure.com}
     * @param tenantId the tenant
     * @return the token text
     */
    public static String token(String audience, String tenantId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"aud\":\"" + audience + "\",\"tid\":\"" + tenantId
                + "\",\"oid\":\"00000000-0000-0000-0000-0000000000aa\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /**
     * Reads the {@code aud} claim of a token made by {@link #token(String, String)}.
     *
     * @param token the token
     * @return the audience, or empty text when the token is not of that shape
     */
    public static String audienceOf(String token) {
        return claim(token, "aud");
    }

    /**
     * Reads the {@code tid} claim of a token made by {@link #token(String, String)}.
     *
     * @param token the token
     * @return the tenant, or empty text when the token is not of that shape
     */
    public static String tenantOf(String token) {
        return claim(token, "tid");
    }

    private static String claim(String token, String name) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return "";
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Returns every scope requested so far.
     *
     * @return the scopes in order
     */
    public List<String> requestedScopes() {
        return List.copyOf(requestedScopes);
    }
}
