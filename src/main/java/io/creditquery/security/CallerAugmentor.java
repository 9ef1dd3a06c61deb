package io.creditquery.security;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.TextChecks;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that works out who the caller is (the Quarkus way, as Horreum's RolesAugmentor does): every
 * identity, anonymous ones included, leaves here with its {@link Caller}, or the request is refused 401.
 *
 * <ul>
 *   <li>an API key: a partner agency;</li>
 *   <li>a token with {@code cq_login: "subject"}: a credit subject's own login, whose {@code sub} is exactly its
 *   USCC or citizen ID (no {@code dept}, no scopes); nothing else makes a token a subject login;</li>
 *   <li>a token with a {@code dept} claim: a department official, or an admin with the {@code admin} scope;</li>
 *   <li>a token with the {@code admin} scope and no {@code dept}: platform ops;</li>
 *   <li>any other token is refused, as is a {@code sub} in the partner namespace ({@code apikey:…}).</li>
 * </ul>
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    public static final String LOGIN_CLAIM = "cq_login";
    public static final String SUBJECT_LOGIN = "subject";
    public static final String DEPARTMENT_CLAIM = "dept";

    /** Identity attributes an API key's identity carries (set by its identity provider). */
    public static final String API_KEY_ID = "apiKeyId";
    public static final String RATE_PER_MINUTE = "ratePerMinute";
    public static final String DAILY_QUOTA = "dailyQuota";
    private static final Pattern DEPARTMENT = Pattern.compile(Caller.DEPARTMENT_PATTERN);

    private final PersonalIds personalIds;
    private final ClientAddress clientAddress;
    private final SecurityConfig security;

    public CallerAugmentor(PersonalIds personalIds, ClientAddress clientAddress, SecurityConfig security) {
        this.personalIds = personalIds;
        this.clientAddress = clientAddress;
        this.security = security;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        Caller caller;
        try {
            caller = derive(identity, http == null ? null : clientAddress.of(http.request()));
        } catch (CredentialsRefused refused) {
            return Uni.createFrom().failure(refused.asFailure());
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(Caller.ATTRIBUTE, caller).build());
        }
        // A token's roles are its scope claim and nothing else (SmallRye JWT would fall back to a groups claim).
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addRoles(caller.scopes()).addAttribute(Caller.ATTRIBUTE, caller).build());
    }

    /** A token names when it was issued, not in the future, and lives no longer than the maximum token age. */
    private void checkAge(JsonWebToken jwt) {
        long issuedAt = jwt.getIssuedAtTime();
        if (issuedAt <= 0) {
            throw new CredentialsRefused("the token has no iat (issued at)");
        }
        long now = System.currentTimeMillis() / 1000;
        if (issuedAt > now + security.clockSkew().toSeconds()) {
            throw new CredentialsRefused("the token's iat lies in the future");
        }
        if (jwt.getExpirationTime() - issuedAt > security.maxTokenAge().toSeconds()) {
            throw new CredentialsRefused("the token lives longer than the " + security.maxTokenAge().toHours()
                    + " hours this platform accepts (exp − iat)");
        }
    }

    Caller derive(SecurityIdentity identity, String clientIp) {
        if (identity.isAnonymous()) {
            return Caller.anonymous(clientIp);
        }
        String keyId = identity.getAttribute(API_KEY_ID);
        if (keyId != null) {
            return new Caller(Caller.Kind.PARTNER, "apikey:" + keyId, null, identity.getRoles(), null, keyId,
                    identity.getAttribute(RATE_PER_MINUTE),
                    identity.getAttribute(DAILY_QUOTA), clientIp);
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new CredentialsRefused("these credentials identify no caller of this platform");
        }
        checkAge(jwt);
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new CredentialsRefused("the token has no sub");
        }
        if (!sub.equals(sub.strip()) || TextChecks.refusedCharacter(sub) != null || sub.length() > 200) {
            throw new CredentialsRefused("the token's sub has spaces at its ends, control or invisible characters");
        }
        Set<String> scopes = scopes(jwt);
        String login = text(jwt, LOGIN_CLAIM);
        String department = text(jwt, DEPARTMENT_CLAIM);
        if (login != null) {
            return subjectLogin(login, sub, department, scopes, clientIp);
        }
        if (sub.toLowerCase(Locale.ROOT).startsWith("apikey:")) {
            throw new CredentialsRefused("a token's sub may not take the form of an API key (apikey:…)");
        }
        boolean admin = scopes.contains(Scopes.ADMIN);
        if (department != null) {
            if (!DEPARTMENT.matcher(department).matches()) {
                throw new CredentialsRefused("the dept claim must be a department code such as 370100-SCJ");
            }
            return new Caller(admin ? Caller.Kind.ADMIN : Caller.Kind.DEPARTMENT, sub, department, scopes, null, null,
                    null, null, clientIp);
        }
        if (admin) {
            return new Caller(Caller.Kind.ADMIN, sub, null, scopes, null, null, null, null, clientIp);
        }
        throw new CredentialsRefused("the token names no department (dept) and is no subject login (" + LOGIN_CLAIM + ")");
    }

    private Caller subjectLogin(String login, String sub, String department, Set<String> scopes, String clientIp) {
        if (!SUBJECT_LOGIN.equals(login)) {
            throw new CredentialsRefused(LOGIN_CLAIM + " must be \"" + SUBJECT_LOGIN + "\"");
        }
        if (department != null || !scopes.isEmpty()) {
            throw new CredentialsRefused("a subject login carries neither a dept claim nor scopes");
        }
        CodeCheck check = CodeValidator.check(sub);
        boolean code = check.valid() && (check.kind() == CodeKind.USCC || check.kind() == CodeKind.CITIZEN_ID);
        if (!code || !check.normalized().equals(sub)) {
            throw new CredentialsRefused("a subject login's sub must be exactly its USCC or citizen ID");
        }
        String key = personalIds.keyOf(check);
        return new Caller(Caller.Kind.SUBJECT, key, null, Set.of(), key, null, null, null, clientIp);
    }

    /** The space-separated scope claim; none when absent. */
    private static Set<String> scopes(JsonWebToken jwt) {
        String scope = jwt.containsClaim("scope") ? text(jwt, "scope") : null;
        return scope == null || scope.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(scope.strip().split(" +")));
    }

    /** A string claim, null when absent; a claim of another JSON type (null included) is refused. */
    private static String text(JsonWebToken jwt, String claim) {
        if (!jwt.containsClaim(claim)) {
            return null;
        }
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        if (value instanceof String string) {
            return string;
        }
        throw new CredentialsRefused("the " + claim + " claim must be a string");
    }
}
