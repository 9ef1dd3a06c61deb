package io.creditquery.security;

import io.creditquery.common.FieldError;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * What a request presents as credentials, checked before any of them is: exactly one of {@code Authorization:
 * Bearer <JWT>} (departments, subjects, ops), {@code Authorization: ApiKey <key>} or {@code X-API-Key: <key>}
 * (partners), or none (the public). Anything else — two credentials, an unknown scheme, an empty one — is refused
 * (401) rather than served as anonymous or decided by whichever mechanism happens to look first.
 */
public final class Credentials {

    public static final String WWW_AUTHENTICATE = "Bearer, ApiKey";

    private Credentials() {
    }

    /** Null if the request presents at most one credential of a known kind; otherwise the header at fault and why. */
    public static FieldError refusal(HttpServerRequest request) {
        List<String> authorization = request.headers().getAll("Authorization");
        List<String> keys = request.headers().getAll("X-API-Key");
        if (authorization.size() + keys.size() > 1) {
            return new FieldError(authorization.isEmpty() ? "X-API-Key" : "Authorization",
                    "more than one credential is presented; present exactly one");
        }
        if (authorization.size() == 1) {
            String value = authorization.get(0).strip();
            int space = value.indexOf(' ');
            String scheme = space < 0 ? value : value.substring(0, space);
            if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("ApiKey")) {
                return new FieldError("Authorization", "the scheme must be Bearer (a token) or ApiKey (a partner key)");
            }
            if (space < 0 || value.substring(space + 1).isBlank()) {
                return new FieldError("Authorization", "the " + scheme + " credential is empty");
            }
        }
        if (keys.size() == 1 && keys.get(0).isBlank()) {
            return new FieldError("X-API-Key", "is empty");
        }
        return null;
    }
}
