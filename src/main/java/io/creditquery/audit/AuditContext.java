package io.creditquery.audit;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.security.PersonalIds;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a resource tells the audit log about its request: the normalised query and the subjects it returned. */
@RequestScoped
public class AuditContext {

    private final Map<String, String> query = new LinkedHashMap<>();
    private final List<String> subjects = new ArrayList<>();
    private long startedNanos = System.nanoTime();

    public AuditContext query(String name, Object value) {
        if (value != null) {
            String text = String.valueOf(value);
            query.put(name, text.length() > 512 ? text.substring(0, 512) + "…" : text);
        }
        return this;
    }

    /** Records a subject code as queried; citizen IDs are kept masked. */
    public AuditContext code(String raw) {
        CodeCheck check = CodeValidator.check(raw);
        return query("code", check.kind() == CodeKind.CITIZEN_ID ? PersonalIds.mask(check.normalized()) : raw);
    }

    public AuditContext subject(String subjectKey) {
        subjects.add(subjectKey);
        return this;
    }

    public AuditContext subjects(Collection<String> subjectKeys) {
        subjects.addAll(subjectKeys);
        return this;
    }

    void started(long nanos) {
        this.startedNanos = nanos;
    }

    long startedNanos() {
        return startedNanos;
    }

    Map<String, String> query() {
        return query;
    }

    List<String> subjects() {
        return subjects;
    }
}
