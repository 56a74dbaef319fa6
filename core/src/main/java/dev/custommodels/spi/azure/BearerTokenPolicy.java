package dev.custommodels.spi.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Adds an Azure AD bearer token for one scope and tenant to every request, refreshing it shortly before it
 * expires.
 *
 * <p>Unlike azure-core's {@code BearerTokenAuthenticationPolicy}, it lets plain {@code http} through to loopback
 * hosts and to the reserved {@code .invalid} domain, so emulators on 127.0.0.1 and in-process emulators can be
 * reached; any other {@code http} URL is refused, so a token never travels unencrypted.
 */
public final class BearerTokenPolicy implements HttpPipelinePolicy {
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final TokenRequestContext tokenRequest;
    private AccessToken cached;

    /**
     * Creates the policy.
     *
     * @param credential the credential
     * @param scope the scope, such as {@code https://management.azure.com/.default}
     * @param tenantId the tenant to ask the credential for, or {@code null} for the credential's own
     */
    public BearerTokenPolicy(TokenCredential credential, String scope, String tenantId) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.tokenRequest = new TokenRequestContext().addScopes(Objects.requireNonNull(scope, "scope"));
        if (tenantId != null) {
            tokenRequest.setTenantId(tenantId);
        }
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return Mono.fromCallable(() -> {
            authorize(context);
            return context;
        }).flatMap(c -> next.process());
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        authorize(context);
        return next.processSync();
    }

    private void authorize(HttpPipelineCallContext context) {
        URL url = context.getHttpRequest().getUrl();
        if (!"https".equalsIgnoreCase(url.getProtocol()) && !isLocal(url.getHost())) {
            throw new IllegalStateException("Refusing to send a bearer token over plain HTTP to '" + url.getHost()
                    + "'. Use an https endpoint; plain http is allowed only for loopback emulators.");
        }
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token().getToken());
    }

    private synchronized AccessToken token() {
        if (cached == null || cached.getExpiresAt() == null
                || cached.getExpiresAt().isBefore(OffsetDateTime.now().plus(REFRESH_BEFORE_EXPIRY))) {
            cached = credential.getTokenSync(tokenRequest);
            if (cached == null) {
                throw new IllegalStateException("The credential returned no token for scope "
                        + tokenRequest.getScopes() + ".");
            }
        }
        return cached;
    }

    private static boolean isLocal(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1")
                || h.startsWith("127.") || h.endsWith(".invalid");
    }
}
