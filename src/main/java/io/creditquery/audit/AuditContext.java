package io.creditquery.audit;

import io.creditquery.security.PersonalIds;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a resource tells the audit log about its request: the normalised query (anything that may be a citizen ID
 * masked) and the subjects it returned.
 */
@RequestScoped
public class AuditContext {

    private final Map<String, String> query = new LinkedHashMap<>();
    private final List<String> subjects = new ArrayList<>();

    public AuditContext query(String name, Object value) {
        if (value != null) {
            query.put(name, storable(PersonalIds.redact(String.valueOf(value)), 512));
        }
        return this;
    }

    /**
     * Text as PostgreSQL can store it: at most {@code max} characters and no NUL, which neither text nor jsonb
     * accepts. A single request with %00 in a parameter must not fail the audit batch it shares with others.
     */
    public static String storable(String text, int max) {
        String bounded = text.length() > max ? text.substring(0, max) + "…" : text;
        return bounded.indexOf('\u0000') < 0 ? bounded : bounded.replace('\u0000', '\uFFFD');
    }

    /** Records a subject code as queried (citizen IDs masked, as in every query value). */
    public AuditContext code(String raw) {
        return query("code", raw);
    }

    public AuditContext subject(String subjectKey) {
        subjects.add(subjectKey);
        return this;
    }

    public AuditContext subjects(Collection<String> subjectKeys) {
        subjects.addAll(subjectKeys);
        return this;
    }

    public Map<String, String> query() {
        return query;
    }

    public List<String> subjects() {
        return subjects;
    }
}
