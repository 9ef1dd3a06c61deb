package io.creditquery.security;

import io.creditquery.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the service reads from a caller's identity. */
public final class Callers {

    private Callers() {
    }

    /**
     * Who owns what a caller creates (watchlists, verification jobs): its department, shared by the department's
     * clerks ({@code dept:<code>}), or its API key ({@code apikey:<id>}); null for any other caller.
     */
    public static String owner(SecurityIdentity identity) {
        String department = department(identity);
        if (department != null) {
            return "dept:" + department;
        }
        String name = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        return name != null && name.startsWith("apikey:") ? name : null;
    }

    /** The department of a department token; refused (400 naming the token) for a token without one. */
    public static String requireDepartment(SecurityIdentity identity, String why) {
        String department = department(identity);
        if (department == null) {
            throw ProblemException.badRequest("token", "has no dept claim: " + why);
        }
        return department;
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
