package io.creditquery.audit;

import io.creditquery.common.Digests;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The audit log against the application itself: what the service's own database role cannot do is refused by
 * PostgreSQL, and what it (or someone with the database but not the chain key) can do is detected. Checks call the
 * verifier directly where an audited request in between would chain onto the forged head.
 */
@QuarkusTest
class AuditIntegrityIT {

    private static final String USCC = "91350100M000100Y43";
    private static final String ADMIN = TestTokens.bearer("370000-FGW", "admin");

    @Inject
    Pool pool;
    @Inject
    TestStores stores;
    @Inject
    AuditVerifier verifier;
    @Inject
    AuditRepository repository;

    @Test
    void theServiceRoleCannotChangeOrRemoveAuditRows() {
        long seq = lastSeqAfterOneRequest();
        String month = "audit_event_" + YearMonth.now().toString().replace('-', '_');
        List<String> refusedStatements = List.of(
                "update audit_event set status = 404 where seq = " + seq,
                "delete from audit_event where seq = " + seq,
                "truncate audit_event",
                "update " + month + " set status = 404 where seq = " + seq,
                "delete from audit_event_default",
                "truncate " + month,
                "update audit_checkpoint set last_hash = 'x'",
                "delete from audit_checkpoint",
                "truncate audit_checkpoint",
                "delete from audit_chain_head",
                "truncate audit_chain_head",
                "update audit_chain_head set events = 0",
                "update audit_chain_head set id = 2",
                "insert into audit_chain_head values (2, 0, '', 0)",
                "insert into audit_chain_rekey (events) values (0)",
                "delete from audit_chain_rekey",
                "alter table audit_chain_head disable trigger audit_chain_head_forward",
                "drop trigger audit_chain_head_forward on audit_chain_head",
                "alter table audit_event detach partition " + month,
                "drop table audit_event_default",
                "create table audit_event_2099_01 partition of audit_event for values from ('2099-01-01') to ('2099-02-01')",
                "create table evidence (id int)",
                "create or replace function audit_chain_head_forward() returns trigger language plpgsql as 'begin return new; end'");
        List<String> allowed = new ArrayList<>();
        for (String statement : refusedStatements) {
            try {
                pool.query(statement).execute().await().indefinitely();
                allowed.add(statement);
            } catch (PgException refused) {
                assertTrue(refused.getSqlState().equals("42501"), statement + " → " + refused.getSqlState() + " "
                        + refused.getErrorMessage());
            }
        }
        assertEquals(List.of(), allowed, "the service role may only append to the audit log");
        assertTrue(verifier.verify().await().indefinitely().intact());
    }

    @Test
    void whatTheServiceRoleMayWriteIsDetected() {
        lastSeqAfterOneRequest();
        String head = stores.text("select last_hash from audit_chain_head where id = 1");

        // The head moved on to a hash no event has.
        pool.query("update audit_chain_head set last_hash = '" + "f".repeat(64) + "'").execute().await().indefinitely();
        try {
            AuditVerifier.Verification moved = verifier.verify().await().indefinitely();
            assertFalse(moved.intact());
            assertEquals("the chain ends before its recorded head: events at the end were removed", moved.reason());
        } finally {
            pool.query("update audit_chain_head set last_hash = '" + head + "'").execute().await().indefinitely();
        }
        assertTrue(verifier.verify().await().indefinitely().intact());

        // An event appended by hand, linked correctly, hashed as well as one can without the chain key.
        String forgedHash = Digests.sha256Hex("forged " + UUID.randomUUID());
        pool.query("insert into audit_event (occurred_at, actor_kind, method, endpoint, result_count, status,"
                + " latency_micros, request_id, prev_hash, hash) values (now(), 'ANONYMOUS', 'GET', '/api/v1/forged',"
                + " 0, 200, 1, 'forged', '" + head + "', '" + forgedHash + "')").execute().await().indefinitely();
        pool.query("update audit_chain_head set last_hash = '" + forgedHash + "', events = events + 1")
                .execute().await().indefinitely();
        long forgedSeq = stores.count("select seq from audit_event where hash = $1", forgedHash);
        try {
            AuditVerifier.Verification forged = verifier.verify().await().indefinitely();
            assertFalse(forged.intact());
            assertEquals(forgedSeq, forged.firstBrokenSeq());
            assertEquals("content changed after it was written", forged.reason());
        } finally {
            // (and a checkpoint the minute job may have taken of the forged head meanwhile)
            stores.asOwner("delete from audit_checkpoint where last_seq = " + forgedSeq,
                    "delete from audit_event where seq = " + forgedSeq,
                    "update audit_chain_head set last_hash = '" + head + "' where id = 1");
        }
        assertTrue(verifier.verify().await().indefinitely().intact());

        // A checkpoint that records another hash for a real event.
        long realSeq = stores.count("select max(seq) from audit_event");
        pool.query("insert into audit_checkpoint (last_seq, last_hash, events) values (" + realSeq + ", '"
                + "0".repeat(64) + "', 1)").execute().await().indefinitely();
        try {
            AuditVerifier.Verification checkpoint = verifier.verify().await().indefinitely();
            assertFalse(checkpoint.intact());
            assertEquals(realSeq, checkpoint.firstBrokenSeq());
            assertTrue(checkpoint.reason().startsWith("a checkpoint recorded another hash"), checkpoint.reason());
        } finally {
            stores.asOwner("delete from audit_checkpoint where last_hash = '" + "0".repeat(64) + "'");
        }
    }

    /** Someone with the database's owner rights but not the chain key rewrites an event and re-links the rest. */
    @Test
    void aRewriteWithoutTheChainKeyIsDetected() {
        long seq = lastSeqAfterOneRequest();
        String original = stores.text("select hash from audit_event where seq = $1", seq);
        String forged = Digests.sha256Hex("rewritten " + original);
        stores.asOwner("update audit_event set status = 404, hash = '" + forged + "' where seq = " + seq,
                "update audit_chain_head set last_hash = '" + forged + "' where id = 1");
        try {
            AuditVerifier.Verification rewritten = verifier.verify().await().indefinitely();
            assertFalse(rewritten.intact());
            assertEquals(seq, rewritten.firstBrokenSeq());
            assertEquals("content changed after it was written", rewritten.reason());
        } finally {
            stores.asOwner("delete from audit_checkpoint where last_hash = '" + forged + "'",
                    "update audit_event set status = 200, hash = '" + original + "' where seq = " + seq,
                    "update audit_chain_head set last_hash = '" + original + "' where id = 1");
        }
        assertTrue(verifier.verify().await().indefinitely().intact());
    }

    @Test
    void verificationUnderLiveTrafficReportsIntact() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                load.add(clients.submit(() -> {
                    while (running.get()) {
                        assertEquals(200, given().get("/api/v1/codes/" + USCC).getStatusCode());
                        answered.incrementAndGet();
                    }
                }));
            }
            long before = answered.get();
            for (int i = 0; i < 5; i++) {
                JsonPath verification = given().header("Authorization", ADMIN).get("/api/v1/admin/audit/verify")
                        .then().statusCode(200).extract().jsonPath();
                assertTrue(verification.getBoolean("intact"), verification.prettify());
            }
            assertTrue(answered.get() - before > 20, "requests were answered while the chain was verified");
        } finally {
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            clients.shutdownNow();
        }
    }

    @Test
    void checkpointsAreExportedSignedAndVerifiedAgainstTheChain() {
        lastSeqAfterOneRequest();
        repository.checkpoint().await().indefinitely();
        long newest = stores.count("select max(id) from audit_checkpoint");
        JsonPath export = given().header("Authorization", ADMIN).queryParam("after", newest - 1)
                .get("/api/v1/admin/audit/checkpoints").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = export.getList("items");
        assertEquals(1, items.size(), export.prettify());
        Map<String, Object> claims = export.getMap("items[0].claims");
        assertEquals(stores.text("select last_hash from audit_checkpoint where id = $1", newest), claims.get("hash"));
        assertEquals("audit-checkpoint", claims.get("type"));

        String payload = export.getString("items[0].payload");
        String signature = export.getString("items[0].signature");
        given().contentType("application/json").body(Map.of("payload", payload, "signature", signature))
                .post("/api/v1/receipts/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8)
                .replace((String) claims.get("hash"), "0".repeat(64)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().contentType("application/json").body(Map.of("payload", otherPayload, "signature", signature))
                .post("/api/v1/receipts/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(false));

        AuditVerifier.Verification verification = verifier.verify().await().indefinitely();
        assertTrue(verification.intact(), verification.toString());
        assertTrue(verification.checkpointsChecked() >= 1, verification.toString());
        given().header("Authorization", ADMIN).queryParam("after", "-1").get("/api/v1/admin/audit/checkpoints")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        given().get("/api/v1/admin/audit/checkpoints").then().statusCode(401);
    }

    private long lastSeqAfterOneRequest() {
        String requestId = "integrity-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/api/v1/codes/" + USCC).then().statusCode(200);
        Long seq = stores.count("select seq from audit_event where client_request_id = $1", requestId);
        assertNotNull(seq);
        if (seq <= 0) {
            fail("no event for the request");
        }
        return seq;
    }
}
