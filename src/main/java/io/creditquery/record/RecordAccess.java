package io.creditquery.record;

import io.quarkus.panache.common.Parameters;

import java.util.Map;
import java.util.Set;

/** A record filter in HQL over alias {@code r}, with its parameters; made by the access policy only. */
public record RecordAccess(String hql, Map<String, Object> parameters) {

    public static final RecordAccess PUBLIC = new RecordAccess(PublicVisibility.RECORD_HQL, Map.of());
    public static final RecordAccess EVERYTHING = new RecordAccess("1 = 1", Map.of());

    /**
     * Departments: records in force and inside their publicity window (README's visibility table): PUBLIC ones,
     * CONDITIONAL ones of their scopes, RESTRICTED ones they filed.
     */
    public static RecordAccess department(String department, boolean allConditional, Set<String> categories) {
        String conditional = allConditional ? "r.classification = 'CONDITIONAL'"
                : categories.isEmpty() ? "1 = 0" : "(r.classification = 'CONDITIONAL' and r.category in :conditionalCategories)";
        String hql = PublicVisibility.RECORD_IN_FORCE_HQL + " and " + PublicVisibility.IN_WINDOW_HQL + " and (r.classification = 'PUBLIC' or " + conditional
                + " or (r.classification = 'RESTRICTED' and r.sourceDept = :department))";
        return new RecordAccess(hql, !allConditional && !categories.isEmpty()
                ? Map.of("department", department, "conditionalCategories", Set.copyOf(categories))
                : Map.of("department", department));
    }

    void addTo(Parameters target) {
        parameters.forEach(target::and);
    }
}
