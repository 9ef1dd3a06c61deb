package io.creditquery.security;

import java.util.Set;
import java.util.TreeSet;

/**
 * What kind of caller is asking, as far as visibility goes: the public (anonymous callers and partner agencies),
 * a department with its conditional-sharing scopes, or a credit subject asking about itself.
 */
public record CallerView(Kind kind, String department, boolean allConditional, Set<String> conditionalCategories,
                         String subjectKey) {

    public enum Kind { PUBLIC, DEPARTMENT, SELF }

    public static final CallerView PUBLIC = new CallerView(Kind.PUBLIC, null, false, Set.of(), null);

    /** A subject's token sees itself as SELF and any other subject as the public does. */
    public CallerView about(String targetSubjectKey) {
        if (kind == Kind.SELF && !targetSubjectKey.equals(subjectKey)) {
            return PUBLIC;
        }
        return this;
    }

    /** Name of this view in the per-subject cache: callers with the same rights share cached renderings. */
    public String cacheName() {
        return switch (kind) {
            case PUBLIC -> "public";
            case SELF -> "self";
            case DEPARTMENT -> "dept:" + department + ":" + (allConditional ? "*" : String.join(",", new TreeSet<>(conditionalCategories)));
        };
    }
}
