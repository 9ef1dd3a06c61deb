package io.creditquery.faults;

import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that holds requests open by sending their bodies a byte at a time holds only its own places (per address,
 * an IPv6 address by its /64), everyone else is served meanwhile, and its slow bodies are cut off with an audited 408.
 */
@QuarkusTest
@TestProfile(SlowClientsIT.FourPerClient.class)
class SlowClientsIT {

    public static class FourPerClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("credit.overload.max-in-progress-per-client", "4",
                    "credit.overload.body-rate-window", "2s",
                    "credit.overload.min-body-rate", "1K");
        }
    }

    private static final String CODE = "91350100M000100Y43";

    @Inject
    TestStores stores;

    @Test
    void slowBodiesHoldOnlyTheirClientsPlacesAndAreCutOff() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slow.add(slowObjection("203.0.113.7"));
        }
        Response refused = await().atMost(Duration.ofSeconds(5)).until(() -> lookup("203.0.113.7"), r -> r.statusCode() != 200);
        assertEquals(429, refused.statusCode(), refused.asString());
        assertEquals("too-many-in-progress", refused.jsonPath().getString("type").replaceAll(".*/", ""));
        assertEquals("close", refused.header("Connection"));
        assertEquals("1", refused.header("Retry-After"));
        assertEquals(429, stores.count("select status from audit_event where request_id = $1", refused.header("X-Request-Id")));
        assertEquals(200, lookup("198.51.100.20").statusCode(), "another client is served meanwhile");

        for (Socket socket : slow) {
            Map<String, String> answer = answerOf(socket);
            assertEquals("408", answer.get(":status"), answer.toString());
            assertEquals(408, stores.count("select status from audit_event where request_id = $1", answer.get("x-request-id")));
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed after the 408");
            socket.close();
        }
        assertEquals(200, lookup("203.0.113.7").statusCode(), "the places are free again once the bodies were cut off");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            slow.add(slowObjection("2001:db8:5:6::" + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lookup("2001:db8:5:6:ffff::99").statusCode(), status -> status == 429);
        assertEquals(200, lookup("2001:db8:5:7::1").statusCode(), "the next /64 is another client");
        for (Socket socket : slow) {
            assertEquals("408", answerOf(socket).get(":status"));
            socket.close();
        }
    }

    @Test
    void aBodyThatArrivesInTimeIsNotCutOff() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            byte[] body = "{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/objections HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 198.51.100.30\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(1_000);
            out.write(body);
            out.flush();
            Map<String, String> answer = answerOf(socket);
            assertTrue(answer.get(":status").startsWith("4") && !answer.get(":status").equals("408"),
                    "the body is read and judged (an invalid objection), not cut off: " + answer);
            assertNull(answer.get("connection"));
        }
    }

    private static Response lookup(String client) {
        return given().header("X-Forwarded-For", client).get("/api/v1/codes/" + CODE);
    }

    /** An objection whose headers promise 2,000 bytes of body and whose body has one. */
    private static Socket slowObjection(String client) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/objections HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + client + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status (":status") and the headers (lower case) of the answer on {@code socket}. */
    private static Map<String, String> answerOf(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        Map<String, String> answer = new LinkedHashMap<>();
        String statusLine = in.readLine();
        answer.put(":status", statusLine == null ? "none" : statusLine.split(" ")[1]);
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            answer.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        if (answer.containsKey("content-length")) {
            length = Integer.parseInt(answer.get("content-length"));
            in.skip(length);
        }
        return answer;
    }
}
