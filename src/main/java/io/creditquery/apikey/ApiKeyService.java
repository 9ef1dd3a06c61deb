package io.creditquery.apikey;

import io.creditquery.security.Scopes;

import io.creditquery.common.FieldError;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Lifecycle of partner API keys: issue (secret shown once), list, rotate with a grace period, revoke. */
@ApplicationScoped
public class ApiKeyService {

    /** Scopes a partner agency may be granted (never admin or ingest). */
    static final Set<String> GRANTABLE = Set.of("search", "verify", Scopes.WATCH, Scopes.CHANGES);

    /** What an admin asks for. */
    public record KeyRequest(String name, List<String> scopes, Integer dailyQuota, Integer ratePerMinute,
                             OffsetDateTime expiresAt) {
    }

    /** The only answer that carries the secret. */
    public record IssuedKey(ApiClient client, String key) {
    }

    private final ApiKeyRepository repository;
    private final ApiKeyHasher hasher;

    public ApiKeyService(ApiKeyRepository repository, ApiKeyHasher hasher) {
        this.repository = repository;
        this.hasher = hasher;
    }

    public Uni<IssuedKey> issue(KeyRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = null;
        try {
            name = QueryParams.text("name", request.name(), true, 200);
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            errors.add(new FieldError("scopes", "is required; grantable: " + GRANTABLE));
        } else if (!GRANTABLE.containsAll(request.scopes())) {
            errors.add(new FieldError("scopes", "may contain only " + GRANTABLE));
        }
        positive(errors, "dailyQuota", request.dailyQuota());
        positive(errors, "ratePerMinute", request.ratePerMinute());
        if (request.expiresAt() != null && request.expiresAt().isBefore(OffsetDateTime.now())) {
            errors.add(new FieldError("expiresAt", "is in the past"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String key = hasher.newKey();
        ApiClient client = new ApiClient(UUID.randomUUID(), name, ApiKeyHasher.displayPrefix(key),
                List.copyOf(request.scopes()), request.dailyQuota(), request.ratePerMinute(), request.expiresAt(),
                null, null, OffsetDateTime.now());
        return repository.insert(client, hasher.hash(key)).replaceWith(new IssuedKey(client, key));
    }

    public Uni<List<ApiClient>> list() {
        return repository.list();
    }

    public Uni<IssuedKey> rotate(UUID id, Duration grace) {
        String key = hasher.newKey();
        return repository.rotate(id, hasher.hash(key), ApiKeyHasher.displayPrefix(key), OffsetDateTime.now().plus(grace))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no active API client " + id))
                .map(client -> new IssuedKey(client, key));
    }

    public Uni<ApiClient> revoke(UUID id) {
        return repository.revoke(id).onItem().ifNull().failWith(() -> ProblemException.notFound("no API client " + id));
    }

    private static void positive(List<FieldError> errors, String field, Integer value) {
        if (value != null && value < 1) {
            errors.add(new FieldError(field, "must be at least 1"));
        }
    }
}
