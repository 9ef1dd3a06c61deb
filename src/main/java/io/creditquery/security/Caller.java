package io.creditquery.security;

import io.creditquery.common.ProblemException;

import java.util.Set;

/**
 * Who is asking, worked out once per request by {@link CallerAugmentor} and read by everything else (access
 * policy, rate limits, audit, resources). Partner keys and tokens are separate principal namespaces: a key's actor
 * is {@code apikey:<id>}, a token's is its {@code sub}, which may never take that form.
 *
 * @param actorId      the principal: a token's {@code sub}, {@code apikey:<id>} for a key, null when anonymous
 * @param department   the department of an official or of an admin token that names one
 * @param subjectKey   a subject login's subject (its USCC, or the keyed hash of its citizen ID)
 * @param clientIp     the client address (the configured proxy header, else the TCP peer)
 */
public record Caller(Kind kind, String actorId, String department, Set<String> scopes, String subjectKey,
                     String apiKeyId, Integer ratePerMinute, Integer dailyQuota, String clientIp) {

    public enum Kind { ANONYMOUS, DEPARTMENT, SUBJECT, PARTNER, ADMIN }

    /** Where the caller is kept: an attribute of the security identity and of the request. */
    public static final String ATTRIBUTE = "io.creditquery.caller";

    /** A department's code: its division and its office, e.g. 370100-SCJ. */
    public static final String DEPARTMENT_PATTERN = "\\d{6}-[A-Z]{2,10}";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public static Caller anonymous(String clientIp) {
        return new Caller(Kind.ANONYMOUS, null, null, Set.of(), null, null, null, null, clientIp);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /**
     * Whether a credit check made by {@code department} (or, without one, by the key {@code checkedBy}) is this
     * caller's: a department's checks are shared by its clerks; a partner's are its key's own.
     */
    public boolean ownsCheck(String checkDepartment, String checkedBy) {
        return department != null ? department.equals(checkDepartment)
                : checkDepartment == null && kind == Kind.PARTNER && actorId.equals(checkedBy);
    }

    /**
     * Who owns what a caller creates (watchlists, verification jobs, checks): its department, shared by the
     * department's clerks ({@code dept:<code>}), or its API key ({@code apikey:<id>}); null for any other caller.
     */
    public String owner() {
        if (department != null) {
            return "dept:" + department;
        }
        return kind == Kind.PARTNER ? actorId : null;
    }

    /** The caller's department; 403 naming what needs one for a caller without. */
    public String requireDepartment(String why) {
        if (department == null) {
            throw ProblemException.forbidden("this needs a department token (dept claim): " + why);
        }
        return department;
    }

    /**
     * The client the rate limits and the cap on requests in progress count: an API key by its id, the public by its
     * address's {@link ClientAddress#network network}; null: not limited.
     */
    public String rateLimitKey() {
        return switch (kind) {
            case PARTNER -> "key:" + apiKeyId;
            case ANONYMOUS -> "ip:" + ClientAddress.network(clientIp);
            default -> null;
        };
    }
}
