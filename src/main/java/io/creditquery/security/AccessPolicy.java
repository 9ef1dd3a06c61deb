package io.creditquery.security;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.record.RecordAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.Set;

/**
 * The one place that decides who sees which records (分类分级): PUBLIC records by everyone (within their publicity
 * window for the public); CONDITIONAL (有条件共享) by departments holding {@code records:conditional} or
 * {@code records:conditional:<CATEGORY>}; RESTRICTED by the department that filed them; everything about a subject,
 * archived (repaired) records included, by the subject itself (a token without {@code dept} whose {@code sub} is its
 * USCC or citizen ID).
 */
@ApplicationScoped
public class AccessPolicy {

    public static final String CONDITIONAL_SCOPE = "records:conditional";

    private final PersonalIds personalIds;

    public AccessPolicy(PersonalIds personalIds) {
        this.personalIds = personalIds;
    }

    public CallerView view(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return CallerView.PUBLIC;
        }
        String department = Callers.department(identity);
        if (department != null) {
            Set<String> categories = new HashSet<>();
            boolean all = false;
            for (String role : identity.getRoles()) {
                if (role.equals(CONDITIONAL_SCOPE)) {
                    all = true;
                } else if (role.startsWith(CONDITIONAL_SCOPE + ":")) {
                    categories.add(role.substring(CONDITIONAL_SCOPE.length() + 1));
                }
            }
            return new CallerView(CallerView.Kind.DEPARTMENT, department, all, Set.copyOf(categories), null);
        }
        String subject = jwt.getSubject();
        CodeCheck check = CodeValidator.check(subject == null ? "" : subject);
        if (check.valid() && (check.kind() == CodeKind.USCC || check.kind() == CodeKind.CITIZEN_ID)) {
            String key = check.kind() == CodeKind.USCC ? check.normalized() : personalIds.subjectKey(check.normalized());
            return new CallerView(CallerView.Kind.SELF, null, false, Set.of(), key);
        }
        return CallerView.PUBLIC;
    }

    /** The records of a subject this view may read. */
    public RecordAccess records(CallerView view) {
        return switch (view.kind()) {
            case PUBLIC -> RecordAccess.PUBLIC;
            case SELF -> RecordAccess.EVERYTHING;
            case DEPARTMENT -> RecordAccess.department(view.department(), view.allConditional(), view.conditionalCategories());
        };
    }

    /** Natural persons: the public sees them only when a law-mandated public list names them. */
    public boolean seesEveryNaturalPerson(CallerView view) {
        return view.kind() != CallerView.Kind.PUBLIC;
    }
}
