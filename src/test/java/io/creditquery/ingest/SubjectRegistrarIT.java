package io.creditquery.ingest;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.support.IngestLines;
import io.creditquery.support.Ndjson;
import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.creditquery.support.IngestLines.enterprise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A subject's master data (name, legal representative, address, …) is kept by the department that registered it:
 * another department's line that would change it is refused per line, with who keeps it; the same data again is no
 * change; a registrar (scope ingest:all) may change any subject.
 */
@QuarkusTest
class SubjectRegistrarIT {

    private static final String USCC = DemoDataGenerator.uscc(71_000_001L, "ENTERPRISE", "370102");
    private static final String NEIGHBOUR = DemoDataGenerator.uscc(71_000_002L, "ENTERPRISE", "370103");
    private static final String OWN = "370100-SCJ";
    private static final String OTHER = "370100-SWJ";

    @Inject
    TestStores stores;

    @BeforeEach
    void reset() {
        stores.reset();
    }

    private static IngestLines.Subject subject(String code, String name, String representative, String address) {
        return enterprise(code, name).withLegalRepresentative(representative).withRegionCode("370102")
                .withAddress(address);
    }

    @Test
    void onlyTheRegisteringDepartmentOrARegistrarChangesMasterData() {
        var registered = subject(USCC, "济南历下鑫源商贸有限公司", "刘振华", "济南市历下区泺源大街 8 号");
        Ndjson.post("subjects", OWN, "ingest", registered).statusCode(200).body("accepted", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(OWN, stores.text("select registered_by from subject where uscc = $1", USCC));

        // Another department renames it and replaces the legal representative: refused, nothing changed.
        var hijack = subject(USCC, "济南历下鑫源商贸有限公司（已变更）", "王某", "济南市槐荫区经十路 1 号");
        var other = subject(NEIGHBOUR, "济南市中区恒通物流有限公司", "赵丽", "济南市市中区纬二路 3 号");
        Ndjson.post("subjects", OTHER, "ingest", hijack, other).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("code"))
                .body("errors[0].reason", containsString("department " + OWN));
        given().get("/api/v1/subjects/" + USCC).then().statusCode(200)
                .body("name", equalTo("济南历下鑫源商贸有限公司")).body("legalRepresentative", equalTo("刘振华"));
        org.junit.jupiter.api.Assertions.assertEquals(1, stores.count("select version from subject where uscc = $1", USCC));

        // The same data again from the other department is no change, not a refusal.
        Ndjson.post("subjects", OTHER, "ingest", registered).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(0)).body("changedSubjects", equalTo(0));

        // The registering department and a registrar may change it.
        Ndjson.post("subjects", OWN, "ingest", subject(USCC, "济南历下鑫源商贸有限公司", "刘振华",
                "济南市历下区泺源大街 10 号")).statusCode(200).body("changedSubjects", equalTo(1));
        Ndjson.hub("subjects", subject(USCC, "济南鑫源商贸集团有限公司", "刘振华", "济南市历下区泺源大街 10 号"))
                .statusCode(200).body("changedSubjects", equalTo(1));
        given().get("/api/v1/subjects/" + USCC).then().statusCode(200).body("name", equalTo("济南鑫源商贸集团有限公司"));
        org.junit.jupiter.api.Assertions.assertEquals(OWN, stores.text("select registered_by from subject where uscc = $1", USCC),
                "a registrar's change does not take the subject over");
    }

    @Test
    void aSubjectRegisteredByTheRegistrarIsKeptByIt() {
        Ndjson.hub("subjects", subject(USCC, "济南历下鑫源商贸有限公司", "刘振华", "济南市历下区泺源大街 8 号"))
                .statusCode(200);
        Ndjson.post("subjects", OWN, "ingest", subject(USCC, "济南历下鑫源商贸有限公司", "王某", "济南市历下区泺源大街 8 号"))
                .statusCode(422).body("errors[0].field", equalTo("line 1: code"))
                .body("errors[0].reason", containsString("the registrar"));
    }
}
