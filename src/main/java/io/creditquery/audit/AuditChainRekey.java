package io.creditquery.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.Digests;
import io.creditquery.common.OneTimeJavaMigration;
import io.creditquery.security.PersonalIds;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema version 18, run once by the owner role: the audit rows written before citizen IDs were masked are
 * rewritten as they are written now (paths, query values, client request ids masked; a subject login's actor and
 * subjects as keyed hashes), and the whole chain is re-hashed with the chain key, checkpoints and head with it.
 * The unkeyed chain is verified on the way; if it was already broken, {@code audit_chain_rekey} says where, and
 * the verifier keeps reporting it, so re-keying never launders a break. The chain head is locked throughout: stop
 * replicas of older versions before this migration runs (they would chain unkeyed hashes onto the new head).
 */
public class AuditChainRekey extends OneTimeJavaMigration {

    private static final Logger LOG = Logger.getLogger(AuditChainRekey.class);
    private static final int FETCH = 5_000;
    private static final String COLUMNS = "seq, occurred_at, actor_kind, actor_id, department, api_key_id, client_ip,"
            + " method, endpoint, query::text, subjects::text, result_count, status, latency_micros, request_id,"
            + " client_request_id, prev_hash, hash";

    private final AuditHash keyed;
    private final PersonalIds personalIds;
    private final ObjectMapper json = new ObjectMapper();

    public AuditChainRekey(AuditHash keyed, PersonalIds personalIds) {
        super("18", "mask and re-key the audit chain");
        this.keyed = keyed;
        this.personalIds = personalIds;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        String head;
        try (Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select last_hash from audit_chain_head where id = 1 for update")) {
            rows.next();
            head = rows.getString(1);
        }
        Set<Long> checkpointSeqs = new HashSet<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select last_seq from audit_checkpoint")) {
            while (rows.next()) {
                checkpointSeqs.add(rows.getLong(1));
            }
        }
        Rewrite rewrite = rewriteChain(db, checkpointSeqs);
        if (rewrite.events() == 0) {
            return;
        }
        if (rewrite.brokenAt() == null && !rewrite.lastOldHash().equals(head)) {
            rewrite = rewrite.broken(rewrite.lastSeq(), "the chain ended before its recorded head");
        }
        try (PreparedStatement update = db.prepareStatement("update audit_chain_head set last_hash = ? where id = 1")) {
            update.setString(1, rewrite.lastNewHash());
            update.executeUpdate();
        }
        try (PreparedStatement note = db.prepareStatement(
                "insert into audit_chain_rekey (events, broken_at_seq, reason) values (?, ?, ?)")) {
            note.setLong(1, rewrite.events());
            note.setObject(2, rewrite.brokenAt());
            note.setString(3, rewrite.reason());
            note.executeUpdate();
        }
        maskLegacy(db);
        LOG.infof("audit chain re-keyed: %d events%s", rewrite.events(),
                rewrite.brokenAt() == null ? "" : "; it was already broken at seq " + rewrite.brokenAt() + ": " + rewrite.reason());
    }

    private record Rewrite(long events, long lastSeq, String lastOldHash, String lastNewHash, Long brokenAt, String reason) {
        Rewrite broken(long seq, String why) {
            return new Rewrite(events, lastSeq, lastOldHash, lastNewHash, seq, why);
        }
    }

    private Rewrite rewriteChain(Connection db, Set<Long> checkpointSeqs) throws SQLException, JsonProcessingException {
        long events = 0;
        long lastSeq = 0;
        String oldPrev = null;
        String newPrev = null;
        Long brokenAt = null;
        String reason = null;
        try (Statement read = db.createStatement();
             PreparedStatement write = db.prepareStatement("update audit_event set actor_id = ?, endpoint = ?,"
                     + " query = ?::jsonb, subjects = ?::jsonb, client_request_id = ?, prev_hash = ?, hash = ?"
                     + " where seq = ? and occurred_at = ?");
             PreparedStatement checkpoint = db.prepareStatement(
                     "update audit_checkpoint set last_hash = ? where last_seq = ?")) {
            read.setFetchSize(FETCH);
            try (ResultSet rows = read.executeQuery("select " + COLUMNS + " from audit_event order by seq")) {
                while (rows.next()) {
                    long seq = rows.getLong("seq");
                    AuditEvent stored = event(rows);
                    String storedPrev = rows.getString("prev_hash");
                    String storedHash = rows.getString("hash");
                    if (oldPrev == null) {
                        // The oldest kept event: the chain starts from the empty hash or from an archive's seal.
                        oldPrev = storedPrev;
                        newPrev = storedPrev;
                    }
                    if (brokenAt == null && !storedPrev.equals(oldPrev)) {
                        brokenAt = seq;
                        reason = "link broken: the event before it was removed, added or reordered";
                    } else if (brokenAt == null && !Digests.sha256Hex(AuditHash.text(storedPrev, stored)).equals(storedHash)) {
                        brokenAt = seq;
                        reason = "content changed after it was written";
                    }
                    AuditEvent masked = masked(stored);
                    String newHash = keyed.of(newPrev, masked);
                    write.setString(1, masked.actorId());
                    write.setString(2, masked.endpoint());
                    write.setString(3, json.writeValueAsString(masked.query()));
                    write.setString(4, json.writeValueAsString(masked.subjects()));
                    write.setString(5, masked.clientRequestId());
                    write.setString(6, newPrev);
                    write.setString(7, newHash);
                    write.setLong(8, seq);
                    write.setObject(9, masked.occurredAt());
                    write.addBatch();
                    if (checkpointSeqs.contains(seq)) {
                        checkpoint.setString(1, newHash);
                        checkpoint.setLong(2, seq);
                        checkpoint.addBatch();
                    }
                    if (++events % 1_000 == 0) {
                        write.executeBatch();
                        checkpoint.executeBatch();
                    }
                    oldPrev = storedHash;
                    newPrev = newHash;
                    lastSeq = seq;
                }
            }
            write.executeBatch();
            checkpoint.executeBatch();
        }
        return new Rewrite(events, lastSeq, oldPrev, newPrev, brokenAt, reason);
    }

    /** The event as the service writes it now. */
    private AuditEvent masked(AuditEvent e) {
        Map<String, String> query = new LinkedHashMap<>();
        e.query().forEach((k, v) -> query.put(k, PersonalIds.redact(v)));
        List<String> subjects = e.subjects().stream().map(this::keyOfCitizenId).toList();
        String actor = "SUBJECT".equals(e.actorKind()) ? keyOfCitizenId(e.actorId()) : PersonalIds.redact(e.actorId());
        return new AuditEvent(e.occurredAt(), e.actorKind(), actor, e.department(), e.apiKeyId(), e.clientIp(),
                e.method(), PersonalIds.redactPath(e.endpoint()), query, subjects, e.resultCount(), e.status(),
                e.latencyMicros(), e.requestId(), PersonalIds.redact(e.clientRequestId()));
    }

    private String keyOfCitizenId(String value) {
        if (value == null) {
            return null;
        }
        CodeCheck check = CodeValidator.check(value);
        return check.valid() && check.kind() == CodeKind.CITIZEN_ID ? personalIds.subjectKey(check.normalized())
                : PersonalIds.redact(value);
    }

    AuditEvent event(ResultSet row) throws SQLException, JsonProcessingException {
        Map<String, Object> query = json.readValue(row.getString("query"), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, String> texts = new LinkedHashMap<>();
        query.forEach((k, v) -> texts.put(k, String.valueOf(v)));
        List<Object> subjects = json.readValue(row.getString("subjects"), new TypeReference<ArrayList<Object>>() { });
        return new AuditEvent(row.getObject("occurred_at", OffsetDateTime.class), row.getString("actor_kind"),
                row.getString("actor_id"), row.getString("department"), row.getString("api_key_id"),
                row.getString("client_ip"), row.getString("method"), row.getString("endpoint"), texts,
                subjects.stream().map(String::valueOf).toList(), row.getInt("result_count"), row.getInt("status"),
                row.getLong("latency_micros"), row.getString("request_id"), row.getString("client_request_id"));
    }

    /** The rows from before the chain (schema v2) are not chained: they are masked in place. */
    private void maskLegacy(Connection db) throws SQLException, JsonProcessingException {
        try (Statement read = db.createStatement();
             PreparedStatement write = db.prepareStatement(
                     "update audit_event_legacy set actor_id = ?, endpoint = ?, query = ?::jsonb where seq = ?")) {
            read.setFetchSize(FETCH);
            try (ResultSet rows = read.executeQuery("select seq, actor_id, endpoint, query::text from audit_event_legacy")) {
                int pending = 0;
                while (rows.next()) {
                    Map<String, Object> query = json.readValue(rows.getString(4), new TypeReference<LinkedHashMap<String, Object>>() { });
                    query.replaceAll((k, v) -> PersonalIds.redact(String.valueOf(v)));
                    write.setString(1, PersonalIds.redact(rows.getString(2)));
                    write.setString(2, PersonalIds.redactPath(rows.getString(3)));
                    write.setString(3, json.writeValueAsString(query));
                    write.setLong(4, rows.getLong(1));
                    write.addBatch();
                    if (++pending % 1_000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
    }
}
