package io.creditquery.audit;

import io.creditquery.support.Ndjson;
import io.creditquery.support.RawHttp;
import io.creditquery.support.TestStores;
import io.creditquery.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.creditquery.support.IngestLines.person;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted run of requests naming a citizen ID in every way a client spells it leaves the ID nowhere in the audit
 * log in clear (paths, queries, actors), and an auditor still finds the lookups by the ID (through its keyed hash).
 */
@QuarkusTest
class PersonalIdsInAuditIT {

    private static final String ID = "37040019500101063X";

    @Inject
    TestStores stores;

    @Test
    void noCitizenIdInClearAndAuditorsStillFindTheLookups() {
        Ndjson.hub("subjects", person(ID, "赵审计"))
                .statusCode(200);
        long before = stores.count("select coalesce(max(seq), 0) from audit_event");
        String clerk = TestTokens.bearer("370100-RSJ", "verify");
        String admin = TestTokens.bearer("370000-FGW", "admin");
        String lower = ID.toLowerCase();
        for (String path : List.of("/api/v1/subjects/" + ID, "/api/v1/subjects/" + lower, "/api/v1/subjects/" + ID + "/records",
                "/api/v1/subjects/" + ID + "/report?format=json", "/api/v1/codes/" + ID, "/api/v1/codes/%20" + ID,
                "/api/v1/codes/3704%200019500101063X", "/api/v1/search?q=" + ID, "/api/v1/suggest?q=" + lower,
                "//api/v1/subjects/" + ID, "/api/v1/subjects/" + ID + "/", "/api/v1/subjects/" + ID + "?zz=" + ID)) {
            RawHttp.send("GET", path, Map.of("Authorization", clerk), null);
            RawHttp.send("GET", path, Map.of(), null);
        }
        given().header("Authorization", clerk).contentType("application/json")
                .body(Map.of("scenario", "TENDERING", "codes", List.of(ID, lower))).post("/api/v1/verifications")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.subject(ID)).header("X-Request-Id", ID)
                .get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", admin).queryParam("subject", ID).get("/api/v1/admin/audit").then().statusCode(200);

        long events = stores.count("select count(*) from audit_event where seq > $1", before);
        assertEquals(12 * 2 + 3, events, "every request of the run, answered or refused, was audited once");
        assertEquals(0, stores.count("select count(*) from audit_event where seq > $1 and upper(concat_ws('|', endpoint,"
                + " query::text, subjects::text, actor_id, client_request_id)) like '%' || $2 || '%'", before, ID),
                "no citizen ID in clear in the audit log");
        assertEquals(0, stores.count("select count(*) from audit_event where seq > $1 and concat_ws('|', endpoint,"
                + " query::text) like '%' || $2 || '%'", before, "0019500101"), "not even its middle digits");

        List<String> found = given().header("Authorization", admin).queryParam("subject", ID).queryParam("size", 200)
                .get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath().getList("items.event.endpoint");
        assertTrue(found.contains("/api/v1/subjects/3704**********063X"), "found by the ID: " + found);
    }
}
