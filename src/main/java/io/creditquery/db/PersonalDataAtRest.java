package io.creditquery.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.OneTimeJavaMigration;
import io.creditquery.security.PersonalIds;
import io.creditquery.verification.VerificationService;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 20, run once by the owner role: what was stored before citizen IDs were kept only masked and
 * keyed is rewritten as the service writes it now. Codes of verification jobs are sealed
 * ({@link VerificationService.CodeInput#sealed}); the stored answers of jobs and checks, and import reports with their
 * rejected rows, have every text that may be a citizen ID masked ({@link PersonalIds#redact(JsonNode)}).
 */
public class PersonalDataAtRest extends OneTimeJavaMigration {

    private static final Logger LOG = Logger.getLogger(PersonalDataAtRest.class);
    private static final int FETCH = 5_000;

    private final PersonalIds personalIds;
    private final ObjectMapper json = new ObjectMapper();

    public PersonalDataAtRest(PersonalIds personalIds) {
        super("20", "seal citizen IDs at rest");
        this.personalIds = personalIds;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        long items = sealJobItems(db);
        long texts = redactJson(db, "verification", "id", List.of("result"))
                + redactJson(db, "import_file", "id", List.of("report", "header", "rejected_rows"));
        LOG.infof("personal data at rest: %d job codes sealed, %d stored answers and import reports masked", items, texts);
    }

    private long sealJobItems(Connection db) throws SQLException {
        long changed = 0;
        try (Statement read = db.createStatement();
             PreparedStatement write = db.prepareStatement("update verification_job_item set code = ?, subject_key = ?,"
                     + " invalid_reason = ?, same_as = ?, result = ?::jsonb where job_id = ? and idx = ?")) {
            read.setFetchSize(FETCH);
            try (ResultSet rows = read.executeQuery("select job_id, idx, code, result::text from verification_job_item"
                    + " where subject_key is null and invalid_reason is null")) {
                while (rows.next()) {
                    String code = rows.getString("code");
                    VerificationService.CodeInput sealed = VerificationService.CodeInput.sealed(code, personalIds);
                    String result = rows.getString("result");
                    String maskedResult = result == null ? null : redacted(result);
                    if (sealed.raw().equals(code) && sealed.subjectKey() == null && java.util.Objects.equals(result, maskedResult)) {
                        continue;
                    }
                    write.setString(1, sealed.raw());
                    write.setString(2, sealed.subjectKey());
                    write.setString(3, sealed.invalidReason());
                    write.setString(4, sealed.sameAs());
                    write.setString(5, maskedResult);
                    write.setString(6, rows.getString("job_id"));
                    write.setInt(7, rows.getInt("idx"));
                    write.addBatch();
                    if (++changed % 1_000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return changed;
    }

    /** Masks the JSON columns of every row of the table where anything in them may be a citizen ID. */
    private long redactJson(Connection db, String table, String id, List<String> columns) throws SQLException {
        long changed = 0;
        String select = "select " + id + ", " + String.join(", ", columns.stream().map(c -> c + "::text").toList())
                + " from " + table;
        String update = "update " + table + " set " + String.join(", ", columns.stream().map(c -> c + " = ?::jsonb")
                .toList()) + " where " + id + " = ?";
        try (Statement read = db.createStatement(); PreparedStatement write = db.prepareStatement(update)) {
            read.setFetchSize(FETCH);
            try (ResultSet rows = read.executeQuery(select)) {
                while (rows.next()) {
                    boolean differs = false;
                    for (int i = 0; i < columns.size(); i++) {
                        String text = rows.getString(i + 2);
                        String masked = text == null ? null : redacted(text);
                        differs |= !java.util.Objects.equals(text, masked);
                        write.setString(i + 1, masked);
                    }
                    if (!differs) {
                        continue;
                    }
                    write.setObject(columns.size() + 1, rows.getObject(1));
                    write.addBatch();
                    if (++changed % 1_000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return changed;
    }

    private String redacted(String jsonText) {
        try {
            JsonNode tree = json.readTree(jsonText);
            JsonNode masked = PersonalIds.redact(tree.deepCopy());
            return masked.equals(tree) ? jsonText : json.writeValueAsString(masked);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON that does not parse", e);
        }
    }
}
