package io.creditquery.faults;

import io.creditquery.db.DatabaseConfig;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL refuses the service (its database stops accepting connections and the open ones are cut, as when the
 * server goes away): reads are refused with 503 even when Redis holds the answer, because their audit events cannot
 * be written; writes are refused and leave nothing behind; once the database is back, so is the service.
 */
@QuarkusTest
class PostgresOutageIT {

    private static final String CACHED = "91350100M000100Y43";
    private static final String WRITTEN_DURING_OUTAGE = DemoDataGenerator.uscc(88_888_888L, "ENTERPRISE", "110108");

    @Inject
    TestStores stores;
    @Inject
    DatabaseConfig database;

    @Test
    void refusesEverythingWhileTheDatabaseIsAwayAndRecovers() throws SQLException {
        Ndjson.hub("subjects", enterprise(CACHED, "福州断库测试有限公司"))
                .statusCode(200);
        given().get("/api/v1/subjects/" + CACHED).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> stores.cached(CACHED));

        String testDatabase = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        // The database owner may close its own database from another database of the same server, and end the
        // service role's sessions (it is a member of that role); no superuser needed.
        String otherDatabase = database.jdbcUrl().substring(0, database.jdbcUrl().lastIndexOf('/') + 1) + "creditquery";
        try (Connection admin = DriverManager.getConnection(otherDatabase, database.ownerUsername(), database.ownerPassword());
             Statement sql = admin.createStatement()) {
            sql.execute("alter database " + testDatabase + " allow_connections false");
            try {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + testDatabase
                        + "' and usename = '" + database.serviceRole() + "'");

                given().get("/api/v1/subjects/" + CACHED).then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", notNullValue());
                given().queryParam("q", "断库").get("/api/v1/search").then().statusCode(503)
                        .contentType("application/problem+json");
                given().header("Authorization", TestTokens.bearer("370100-CZJ", "verify")).contentType("application/json")
                        .body("{\"scenario\":\"TENDERING\",\"codes\":[\"" + CACHED + "\"]}")
                        .post("/api/v1/verifications").then().statusCode(503).contentType("application/problem+json");
                Ndjson.hub("subjects", enterprise(WRITTEN_DURING_OUTAGE, "北京断库写入有限公司")).statusCode(503)
                        .contentType("application/problem+json");
            } finally {
                sql.execute("alter database " + testDatabase + " allow_connections true");
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/subjects/" + CACHED).statusCode() == 200);
        given().get("/api/v1/subjects/" + CACHED).then().statusCode(200).body("name", equalTo("福州断库测试有限公司"));
        assertEquals(0, stores.count("select count(*) from subject where uscc = $1", WRITTEN_DURING_OUTAGE),
                "a refused write leaves nothing behind");
        given().get("/api/v1/subjects/" + WRITTEN_DURING_OUTAGE).then().statusCode(404);
    }
}
