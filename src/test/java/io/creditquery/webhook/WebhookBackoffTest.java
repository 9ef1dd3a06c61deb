package io.creditquery.webhook;

import io.creditquery.db.PgWorkQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookBackoffTest {

    private static final PgWorkQueue.Backoff BACKOFF = WebhookDelivery.backoff(8);

    @Test
    void doublesFromTwoSecondsAndStopsGrowingAtOneHour() {
        assertEquals(Duration.ofSeconds(2), BACKOFF.after(1));
        assertEquals(Duration.ofSeconds(4), BACKOFF.after(2));
        assertEquals(Duration.ofSeconds(1024), BACKOFF.after(10));
        assertEquals(Duration.ofHours(1), BACKOFF.after(12));
        assertEquals(Duration.ofHours(1), BACKOFF.after(1_000), "no overflow after many attempts");
        for (int attempts = 1; attempts < 40; attempts++) {
            assertTrue(BACKOFF.after(attempts).compareTo(BACKOFF.after(attempts - 1)) >= 0);
        }
    }
}
