package io.creditquery.audit;

import io.creditquery.common.Digests;
import io.creditquery.security.PersonalIds;
import io.creditquery.support.ServiceProcess;
import io.creditquery.support.TestPersonalIds;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema version 18 on a database of its own (creditquery_rekey), at version 16 with audit rows as the service
 * wrote them before: citizen IDs in clear and an unkeyed chain. After the migration nothing holds the IDs in clear,
 * the chain verifies with the key, and a chain that was already broken stays reported as broken.
 */
class AuditChainRekeyIT {

    private static final String DATABASE = "creditquery_rekey";
    private static final String SERVICE_ROLE = System.getenv().getOrDefault("CQ_DB_USER", "creditquery");
    private static final Pattern CLEAR_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final PersonalIds PERSONAL_IDS = TestPersonalIds.create();
    private static final AuditHash KEYED = new AuditHash(HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));

    private static final List<AuditEvent> OLD_EVENTS = List.of(
            event("ANONYMOUS", null, "/api/v1/subjects/37040019500101063X", Map.of(), null),
            event("ANONYMOUS", null, "/api/v1/subjects/370400195001010638/report", Map.of(), "trace 370400195001010638"),
            event("PARTNER", "apikey:7", "/api/v1/search", Map.of("q", "王建国 11010519491231002x", "size", "10"), null),
            event("SUBJECT", "37040019500101063X", "/api/v1/me/queries", Map.of(), null),
            event("ANONYMOUS", null, "/api/v1/codes/3704%20001950%200101063X", Map.of(), null));

    @Test
    void oldRowsAreMaskedAndTheChainIsRekeyed() throws Exception {
        List<String> oldHashes = prepareVersion16(-1);
        migrateToLatest();
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("select actor_id, endpoint, query::text, subjects::text,"
                    + " client_request_id from audit_event order by seq")) {
                List<String> endpoints = new ArrayList<>();
                while (rows.next()) {
                    for (int column = 1; column <= 5; column++) {
                        String value = rows.getString(column);
                        assertFalse(value != null && CLEAR_ID.matcher(value.replace(" ", "")).find(),
                                "a citizen ID in clear after the migration: " + value);
                    }
                    endpoints.add(rows.getString(2));
                }
                assertEquals(List.of("/api/v1/subjects/3704**********063X", "/api/v1/subjects/3704**********0638/report",
                        "/api/v1/search", "/api/v1/me/queries", "/api/v1/codes/3704**********063X"), endpoints);
            }
            try (ResultSet actor = sql.executeQuery("select actor_id from audit_event where actor_kind = 'SUBJECT'")) {
                actor.next();
                assertEquals(PERSONAL_IDS.subjectKey("37040019500101063X"), actor.getString(1),
                        "a subject login's actor is its key, as the service writes it now");
            }
            String last = verifyKeyedChain(db);
            try (ResultSet head = sql.executeQuery("select last_hash, events from audit_chain_head")) {
                head.next();
                assertEquals(last, head.getString(1));
                assertEquals(OLD_EVENTS.size(), head.getLong(2));
            }
            try (ResultSet checkpoint = sql.executeQuery("select c.last_hash = e.hash, c.last_hash = '" + oldHashes.get(1)
                    + "' from audit_checkpoint c join audit_event e on e.seq = c.last_seq")) {
                checkpoint.next();
                assertTrue(checkpoint.getBoolean(1), "the checkpoint follows the re-keyed event");
                assertFalse(checkpoint.getBoolean(2));
            }
            try (ResultSet note = sql.executeQuery("select events, broken_at_seq from audit_chain_rekey")) {
                note.next();
                assertEquals(OLD_EVENTS.size(), note.getLong(1));
                assertNull(note.getObject(2));
            }
        }
    }

    @Test
    void aChainBrokenBeforeTheMigrationStaysReportedBroken() throws Exception {
        prepareVersion16(2);
        migrateToLatest();
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            verifyKeyedChain(db);
            try (ResultSet note = sql.executeQuery("select broken_at_seq, reason from audit_chain_rekey")) {
                note.next();
                assertEquals(3, note.getLong(1));
                assertEquals("content changed after it was written", note.getString(2));
            }
        }
    }

    /** Version 16 with the old events, chained unkeyed, a checkpoint at the second; event {@code tampered} changed after. */
    private static List<String> prepareVersion16(int tampered) throws SQLException {
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            sql.execute("drop schema public cascade");
            sql.execute("create schema public");
            sql.execute("grant usage on schema public to public");
        }
        flyway().target("16").load().migrate();
        List<String> hashes = new ArrayList<>();
        try (Connection db = owner(); PreparedStatement insert = db.prepareStatement("insert into audit_event"
                + " (occurred_at, actor_kind, actor_id, method, endpoint, query, subjects, result_count, status,"
                + " latency_micros, request_id, client_request_id, prev_hash, hash)"
                + " values (?, ?, ?, 'GET', ?, ?::jsonb, '[]', 1, 200, 10, 'r', ?, ?, ?)")) {
            String prev = "";
            for (AuditEvent e : OLD_EVENTS) {
                String hash = Digests.sha256Hex(AuditHash.text(prev, e));
                insert.setObject(1, e.occurredAt());
                insert.setString(2, e.actorKind());
                insert.setString(3, e.actorId());
                insert.setString(4, e.endpoint());
                insert.setString(5, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(e.query()));
                insert.setString(6, e.clientRequestId());
                insert.setString(7, prev);
                insert.setString(8, hash);
                insert.executeUpdate();
                hashes.add(hash);
                prev = hash;
            }
            try (Statement sql = db.createStatement()) {
                sql.execute("update audit_chain_head set last_hash = '" + prev + "', events = " + OLD_EVENTS.size());
                sql.execute("insert into audit_checkpoint (last_seq, last_hash, events) values (2, '" + hashes.get(1) + "', 2)");
                if (tampered >= 0) {
                    sql.execute("update audit_event set status = 404 where seq = " + (tampered + 1));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    /** Recomputes the keyed chain from the stored rows; the last hash. */
    private static String verifyKeyedChain(Connection db) throws Exception {
        AuditChainRekey reader = new AuditChainRekey(KEYED, PERSONAL_IDS);
        String prev = "";
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select seq, occurred_at,"
                + " actor_kind, actor_id, department, api_key_id, client_ip, method, endpoint, query::text,"
                + " subjects::text, result_count, status, latency_micros, request_id, client_request_id, prev_hash,"
                + " hash from audit_event order by seq")) {
            while (rows.next()) {
                assertEquals(prev, rows.getString("prev_hash"));
                assertEquals(KEYED.of(prev, reader.event(rows)), rows.getString("hash"), "seq " + rows.getLong("seq"));
                prev = rows.getString("hash");
            }
        }
        return prev;
    }

    private static void migrateToLatest() {
        flyway().javaMigrations(new AuditChainRekey(KEYED, PERSONAL_IDS)).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        String host = System.getenv().getOrDefault("CQ_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("CQ_PG_PORT", "5432");
        return Flyway.configure().dataSource("jdbc:postgresql://" + host + ":" + port + "/" + DATABASE,
                        System.getenv().getOrDefault("CQ_DB_OWNER_USER", "creditquery_owner"), System.getenv("CQ_DB_OWNER_PASSWORD"))
                .locations("classpath:db/migration").placeholders(Map.of("serviceRole", SERVICE_ROLE));
    }

    private static Connection owner() throws SQLException {
        return ServiceProcess.ownerDatabase(DATABASE);
    }

    private static AuditEvent event(String kind, String actor, String endpoint, Map<String, String> query, String client) {
        return new AuditEvent(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), kind, actor, null,
                null, null, "GET", endpoint, query, List.of(), 1, 200, 10, "r", client);
    }
}
