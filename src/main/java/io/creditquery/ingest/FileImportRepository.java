package io.creditquery.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.security.PersonalIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Stored import reports (table import_file), with the refused rows for the annotated copy. */
@ApplicationScoped
public class FileImportRepository {

    /** A refused row as it was in the file, with its reasons. */
    public record RejectedRow(int row, List<String> cells, List<String> reasons) {
    }

    /** A stored import: its report as JSON, and what the annotated copy is made of. */
    public record StoredImport(String department, String reportJson, List<String> header, List<RejectedRow> rejected) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    public FileImportRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Stores the report with its personal IDs masked; returns the stored report JSON (the answer to the upload). */
    public Uni<String> save(ImportReport report, String uploadedBy, List<String> header, List<RejectedRow> rejected) {
        String reportJson = write(report);
        return pool.preparedQuery("""
                        insert into import_file (id, department, uploaded_by, file_name, template, format, rows, accepted,
                            rejected, warnings, new_subjects, changed_subjects, report, header, rejected_rows)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, $14::text::jsonb, $15::text::jsonb)""")
                .execute(Tuple.from(new Object[]{report.id(), report.department(), uploadedBy, report.fileName(),
                        report.template(), report.format(), report.rows(), report.accepted(), report.rejected(),
                        report.warnings(), report.newSubjects(), report.changedSubjects(), reportJson, write(header),
                        write(rejected)}))
                .replaceWith(reportJson);
    }

    public Uni<StoredImport> find(UUID id) {
        return pool.preparedQuery("select department, report::text, header, rejected_rows from import_file where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? stored(rows.iterator().next()) : null);
    }

    private StoredImport stored(Row row) {
        List<String> header = row.getJsonArray("header").stream().map(String::valueOf).toList();
        JsonArray rejected = row.getJsonArray("rejected_rows");
        List<RejectedRow> rows = rejected.stream().map(JsonObject.class::cast).map(r -> new RejectedRow(r.getInteger("row"),
                r.getJsonArray("cells").stream().map(String::valueOf).toList(),
                r.getJsonArray("reasons").stream().map(String::valueOf).toList())).toList();
        return new StoredImport(row.getString("department"), row.getString(1), header, rows);
    }

    /** Reports and rejected rows are kept for months: anything that may be a citizen ID in them is masked. */
    private String write(Object value) {
        try {
            return json.writeValueAsString(PersonalIds.redact(json.valueToTree(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
