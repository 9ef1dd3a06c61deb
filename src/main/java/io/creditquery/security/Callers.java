package io.creditquery.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the service reads from a caller's identity. */
public final class Callers {

    private Callers() {
    }

    /** The department code of a department token ({@code dept} claim), or null. */
    public static String department(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object dept = jwt.getClaim("dept");
            return dept == null || dept.toString().isBlank() ? null : dept.toString();
        }
        return null;
    }
}
