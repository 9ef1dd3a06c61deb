package io.creditquery.security;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
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

/**
 * The one way a code as a caller types it (USCC, citizen ID, old registration number or organisation code —
 * 新老代码衔接) becomes the key of the subject it names. A USCC is its own key and a citizen ID's key is its keyed
 * hash, so neither needs the store ({@link PersonalIds#keyOf}); old codes are looked up, all of a request's in one query. Here beside
 * {@link PersonalIds} because a citizen ID's key is made with the platform's secret.
 */
@ApplicationScoped
public class SubjectResolver {

    /** One input code: its check and, if it names a known subject, the subject's row id and key. */
    public record Resolved(String input, CodeCheck check, Long subjectId, String subjectKey) {
        public boolean known() {
            return subjectId != null;
        }
    }

    private final Pool pool;
    private final PersonalIds personalIds;

    public SubjectResolver(Pool pool, PersonalIds personalIds) {
        this.pool = pool;
        this.personalIds = personalIds;
    }

    /** The key of one checked code (see {@link #keys}). */
    public Uni<String> key(CodeCheck check) {
        return keys(List.of(check)).map(keys -> keys.get(0));
    }

    /**
     * The keys of checked codes, in their order: a USCC's or citizen ID's directly (whether or not such a subject
     * exists), an old code's from the subject that has it (null if none does), null for an invalid code. The store
     * is asked only if there are old codes.
     */
    public Uni<List<String>> keys(List<CodeCheck> checks) {
        Set<String> oldCodes = new LinkedHashSet<>();
        checks.stream().filter(SubjectResolver::isOldCode).forEach(check -> oldCodes.add(check.normalized()));
        Uni<Map<String, String>> oldKeys = oldCodes.isEmpty() ? Uni.createFrom().item(Map.of())
                : pool.preparedQuery("select subject_key, registration_no, org_code from subject"
                                + " where registration_no = any($1) or org_code = any($1)")
                        .execute(Tuple.of(oldCodes.toArray(String[]::new)))
                        .map(rows -> {
                            Map<String, String> keys = new HashMap<>();
                            rows.forEach(row -> byCode(row, row.getString("subject_key"), keys));
                            return keys;
                        });
        return oldKeys.map(keys -> {
            List<String> result = new ArrayList<>(checks.size());
            for (CodeCheck check : checks) {
                result.add(isOldCode(check) ? keys.get(check.normalized()) : personalIds.keyOf(check));
            }
            return result;
        });
    }

    /** Codes (null read as empty) to the subjects they name, whatever their kind, in one query. */
    public Uni<List<Resolved>> resolve(List<String> codes) {
        List<CodeCheck> checks = codes.stream().map(c -> CodeValidator.check(c == null ? "" : c)).toList();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> oldCodes = new LinkedHashSet<>();
        for (CodeCheck check : checks) {
            if (isOldCode(check)) {
                oldCodes.add(check.normalized());
            } else if (personalIds.keyOf(check) != null) {
                keys.add(personalIds.keyOf(check));
            }
        }
        return pool.preparedQuery("select id, subject_key, registration_no, org_code from subject"
                        + " where subject_key = any($1) or registration_no = any($2) or org_code = any($2)")
                .execute(Tuple.of(keys.toArray(String[]::new), oldCodes.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Row> byCode = new HashMap<>();
                    for (Row row : rows) {
                        byCode.put(row.getString("subject_key"), row);
                        byCode(row, row, byCode);
                    }
                    List<Resolved> resolved = new ArrayList<>();
                    for (int i = 0; i < codes.size(); i++) {
                        CodeCheck check = checks.get(i);
                        Row row = !check.valid() ? null : byCode.get(isOldCode(check) ? check.normalized() : personalIds.keyOf(check));
                        resolved.add(new Resolved(codes.get(i), check, row == null ? null : row.getLong("id"),
                                row == null ? null : row.getString("subject_key")));
                    }
                    return resolved;
                });
    }

    private static boolean isOldCode(CodeCheck check) {
        return check.valid() && (check.kind() == CodeKind.REGISTRATION_NO || check.kind() == CodeKind.ORG_CODE);
    }

    /** Files {@code value} under the row's old codes (a later row with the same code wins). */
    private static <V> void byCode(Row row, V value, Map<String, V> map) {
        for (String column : List.of("registration_no", "org_code")) {
            String code = row.getString(column);
            if (code != null) {
                map.put(code, value);
            }
        }
    }
}
