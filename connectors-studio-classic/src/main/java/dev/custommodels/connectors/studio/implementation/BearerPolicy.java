package dev.custommodels.connectors.studio.implementation;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import dev.custommodels.models.CustomModelsException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sets {@code Authorization: Bearer …} from a secret supplier: an AAD token (cached until shortly before it
 * expires), a workspace token or an API key. Secrets go only over HTTPS, or to loopback and {@code .invalid}
 * hosts (which never leave the machine); azure-core's own bearer policy refuses loopback HTTP, which emulators
 * serve.
 */
final class BearerPolicy extends HttpPipelineSyncPolicy {
    private final Supplier<String> secret;

    private BearerPolicy(Supplier<String> secret) {
        this.secret = secret;
    }

    /** A policy that sends a fixed secret, such as an API key or a workspace token. */
    static BearerPolicy of(Supplier<String> secret) {
        return new BearerPolicy(secret);
    }

    /** A policy that sends AAD tokens for one scope. */
    static BearerPolicy token(TokenCredential credential, String scope, Clock clock) {
        TokenCache cache = new TokenCache(credential, scope, clock);
        return new BearerPolicy(cache::token);
    }

    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
        URL url = context.getHttpRequest().getUrl();
        if (!"https".equalsIgnoreCase(url.getProtocol()) && !isLocal(url.getHost())) {
            throw new CustomModelsException("Refusing to send a credential over plain HTTP to " + url.getHost()
                    + "; use an https:// endpoint.");
        }
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + secret.get());
    }

    static boolean isLocal(String host) {
        String h = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1")
                || h.endsWith(".invalid");
    }

    private static final class TokenCache {
        private final TokenCredential credential;
        private final TokenRequestContext request;
        private final Clock clock;
        private AccessToken current;

        TokenCache(TokenCredential credential, String scope, Clock clock) {
            this.credential = credential;
            this.request = new TokenRequestContext().addScopes(scope);
            this.clock = clock;
        }

        synchronized String token() {
            if (current == null || current.getExpiresAt().toInstant()
                    .isBefore(clock.instant().plus(Duration.ofMinutes(2)))) {
                current = credential.getTokenSync(request);
                if (current == null) {
                    throw new CustomModelsException("The credential returned no token for "
                            + request.getScopes() + ".");
                }
            }
            return current.getToken();
        }
    }
}
