package io.creditquery.support;

import io.smallrye.jwt.build.Jwt;

/** Dev tokens signed with the set-up key (smallrye.jwt.sign.key.location), as departments would present them. */
public final class TestTokens {

    public static final String ISSUER = "https://credit-query.local/issuer";
    public static final String AUDIENCE = "credit-query";

    private TestTokens() {
    }

    public static String department(String dept, String scopes) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("clerk@" + dept).upn("clerk@" + dept)
                .claim("dept", dept).claim("scope", scopes).expiresIn(600).sign();
    }

    /** A credit subject's own login: {@code cq_login: "subject"}, {@code sub} its USCC or citizen ID, no department. */
    public static String subject(String sub) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(sub).claim("cq_login", "subject").expiresIn(600).sign();
    }

    public static String bearer(String dept, String scopes) {
        return "Bearer " + department(dept, scopes);
    }

    /** A new partner API key with these scopes, created by an admin through the API; its secret. */
    public static String apiKey(String name, String... scopes) {
        return io.restassured.RestAssured.given().header("Authorization", bearer("370000-FGW", "admin"))
                .contentType("application/json").body(java.util.Map.of("name", name, "scopes", java.util.List.of(scopes)))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath().getString("key");
    }
}
