package io.creditquery.webhook;

import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check before each call: a queued webhook whose name resolves to loopback when it is called (DNS rebinding, or a
 * row written before the acceptance check existed) is not connected to. A loopback listener is the witness: the
 * development host (credit.webhooks.http-hosts) reaches it, the rebinding name does not. Loopback only.
 */
@QuarkusTest
class WebhookGuardIT {

    private static final String SECRET = "00".repeat(32);

    @Inject
    TestStores stores;
    @Inject
    WebhookDelivery delivery;

    @BeforeEach
    @org.junit.jupiter.api.AfterEach
    void reset() {
        // afterwards too: calls left queued would be retried for minutes under the next tests
        stores.reset();
    }

    private void queue(String url, String event) {
        stores.execute("insert into webhook_delivery (url, secret, event, body) values ($1, $2, $3, '{}')", url, SECRET, event);
    }

    /** Whether anything connects to the listener within the time it takes the delivery to try {@code event}. */
    private boolean connected(ServerSocket listener, String event) throws Exception {
        CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> {
            try (Socket ignored = listener.accept()) {
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        delivery.kick();
        // Tried and answered: a claimed call is leased for a minute, a failed one is due again in seconds.
        await().atMost(Duration.ofSeconds(20)).until(() -> stores.count("select count(*) from webhook_delivery"
                + " where event = $1 and attempts >= 1 and next_attempt < clock_timestamp() + interval '30 seconds'", event) == 1);
        return accepted.get(15, TimeUnit.SECONDS);
    }

    @Test
    void aNameThatResolvesToLoopbackAtCallTimeIsNotConnectedTo() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            listener.setSoTimeout(3_000);
            int port = listener.getLocalPort();

            // (src/test/resources/hosts: the name does resolve, to loopback, so a refusal is the guard's, not DNS's)
            assertEquals("127.0.0.1", InetAddress.getByName("rebind.webhook-test.example.com").getHostAddress());
            queue("https://rebind.webhook-test.example.com:" + port + "/hook", "guard:rebind");
            assertEquals(false, connected(listener, "guard:rebind"), "the rebinding name reached the listener");
            assertEquals(0, stores.count("select count(*) from webhook_delivery where event = 'guard:rebind'"
                    + " and delivered_at is not null"));

            queue("https://127.0.0.2:" + port + "/hook", "guard:literal");
            assertEquals(false, connected(listener, "guard:literal"));

            // The witness works: the development host is called (and the listener is reached).
            queue("http://127.0.0.1:" + port + "/hook", "guard:development");
            assertTrue(connected(listener, "guard:development"), "the development host was not called");
        }
    }
}
