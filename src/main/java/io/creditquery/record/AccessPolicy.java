package io.creditquery.record;

import io.creditquery.security.Caller;
import io.creditquery.security.CallerView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Set;

/**
 * The one place that decides who sees which records (分类分级): PUBLIC records by everyone (within their publicity
 * window for the public); CONDITIONAL (有条件共享) by departments holding {@code records:conditional} or
 * {@code records:conditional:<CATEGORY>}; RESTRICTED by the department that filed them; everything about a subject,
 * archived (repaired) records included, by the subject itself (a subject login, see {@link CallerAugmentor}).
 */
@ApplicationScoped
public class AccessPolicy {

    public static final String CONDITIONAL_SCOPE = "records:conditional";

    public CallerView view(Caller caller) {
        if (caller.department() != null) {
            Set<String> categories = new HashSet<>();
            boolean all = false;
            for (String scope : caller.scopes()) {
                if (scope.equals(CONDITIONAL_SCOPE)) {
                    all = true;
                } else if (scope.startsWith(CONDITIONAL_SCOPE + ":")) {
                    categories.add(scope.substring(CONDITIONAL_SCOPE.length() + 1));
                }
            }
            return new CallerView(CallerView.Kind.DEPARTMENT, caller.department(), all, Set.copyOf(categories), null);
        }
        return caller.kind() == Caller.Kind.SUBJECT
                ? new CallerView(CallerView.Kind.SELF, null, false, Set.of(), caller.subjectKey())
                : CallerView.PUBLIC;
    }

    /** The records of a subject this view may read. */
    public RecordAccess records(CallerView view) {
        return switch (view.kind()) {
            case PUBLIC -> RecordAccess.PUBLIC;
            case SELF -> RecordAccess.EVERYTHING;
            case DEPARTMENT -> RecordAccess.department(view.department(), view.allConditional(), view.conditionalCategories());
        };
    }

    /**
     * Natural persons: the public (anonymous callers and partner keys) sees them only while a law-mandated public
     * list names them; departments and the person see them. One rule for profiles, records, reports, credit checks,
     * bulk jobs and watchlists: to whom it denies a person, that person is a code nobody has.
     */
    public boolean seesEveryNaturalPerson(CallerView view) {
        return view.kind() != CallerView.Kind.PUBLIC;
    }

    /**
     * As-of views: departments and the subject see the past reconstructed (a repaired penalty in force until its
     * repair); the public sees the past only as far as it is still public now, since repair and the end of a
     * publicity window stop publication (《失信行为纠正后的信用信息修复管理办法》: 停止公示).
     */
    public boolean seesRepairedPast(CallerView view) {
        return view.kind() != CallerView.Kind.PUBLIC;
    }

    public boolean seesEveryNaturalPerson(Caller caller) {
        return seesEveryNaturalPerson(view(caller));
    }
}
