package io.creditquery.subject;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.security.PersonalIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Codes as callers give them (USCC, citizen ID, old registration number or organisation code) to subjects, in one query. */
@ApplicationScoped
public class SubjectCodes {

    /** One input code: its check and, if it names a known subject, the subject's row id and key. */
    public record Resolved(String input, CodeCheck check, Long subjectId, String subjectKey) {
        public boolean known() {
            return subjectId != null;
        }
    }

    private final Pool pool;
    private final PersonalIds personalIds;

    public SubjectCodes(Pool pool, PersonalIds personalIds) {
        this.pool = pool;
        this.personalIds = personalIds;
    }

    public Uni<List<Resolved>> resolve(List<String> codes) {
        List<CodeCheck> checks = codes.stream().map(c -> CodeValidator.check(c == null ? "" : c)).toList();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> oldCodes = new LinkedHashSet<>();
        for (CodeCheck check : checks) {
            if (!check.valid()) {
                continue;
            }
            switch (check.kind()) {
                case USCC -> keys.add(check.normalized());
                case CITIZEN_ID -> keys.add(personalIds.subjectKey(check.normalized()));
                case REGISTRATION_NO, ORG_CODE -> oldCodes.add(check.normalized());
                case UNKNOWN -> { }
            }
        }
        return pool.preparedQuery("select id, subject_key, registration_no, org_code from subject"
                        + " where subject_key = any($1) or registration_no = any($2) or org_code = any($2)")
                .execute(Tuple.of(keys.toArray(String[]::new), oldCodes.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Row> byCode = new HashMap<>();
                    for (Row row : rows) {
                        byCode.put(row.getString("subject_key"), row);
                        if (row.getString("registration_no") != null) {
                            byCode.put(row.getString("registration_no"), row);
                        }
                        if (row.getString("org_code") != null) {
                            byCode.put(row.getString("org_code"), row);
                        }
                    }
                    List<Resolved> resolved = new ArrayList<>();
                    for (int i = 0; i < codes.size(); i++) {
                        CodeCheck check = checks.get(i);
                        Row row = !check.valid() ? null : byCode.get(check.kind() == CodeKind.CITIZEN_ID
                                ? personalIds.subjectKey(check.normalized()) : check.normalized());
                        resolved.add(new Resolved(codes.get(i), check, row == null ? null : row.getLong("id"),
                                row == null ? null : row.getString("subject_key")));
                    }
                    return resolved;
                });
    }
}
