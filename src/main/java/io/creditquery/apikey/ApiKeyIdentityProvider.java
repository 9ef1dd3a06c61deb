package io.creditquery.apikey;

import io.creditquery.security.CallerAugmentor;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.HashSet;

/**
 * Checks a presented key against the stored hashes on every request (so a revocation takes effect at once on every
 * replica) and turns it into an identity: the scopes as roles, and the client's limits as attributes.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final ApiKeyRepository repository;
    private final ApiKeyHasher hasher;

    public ApiKeyIdentityProvider(ApiKeyRepository repository, ApiKeyHasher hasher) {
        this.repository = repository;
        this.hasher = hasher;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        if (request.key().length() > 200) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed API key"));
        }
        return repository.findValid(hasher.hash(request.key()), OffsetDateTime.now())
                .onItem().ifNull().failWith(() -> new AuthenticationFailedException("unknown, revoked or expired API key"))
                .map(client -> {
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal("apikey:" + client.id()))
                            .addRoles(new HashSet<>(client.scopes()))
                            .addAttribute(CallerAugmentor.API_KEY_ID, client.id().toString());
                    if (client.ratePerMinute() != null) {
                        identity.addAttribute(CallerAugmentor.RATE_PER_MINUTE, client.ratePerMinute());
                    }
                    if (client.dailyQuota() != null) {
                        identity.addAttribute(CallerAugmentor.DAILY_QUOTA, client.dailyQuota());
                    }
                    return identity.build();
                });
    }
}
