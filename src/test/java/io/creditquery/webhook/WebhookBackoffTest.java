package io.creditquery.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookBackoffTest {

    @Test
    void doublesFromTwoSecondsAndStopsGrowingAtOneHour() {
        assertEquals(Duration.ofSeconds(2), WebhookDelivery.backoff(1));
        assertEquals(Duration.ofSeconds(4), WebhookDelivery.backoff(2));
        assertEquals(Duration.ofSeconds(1024), WebhookDelivery.backoff(10));
        assertEquals(Duration.ofHours(1), WebhookDelivery.backoff(12));
        assertEquals(Duration.ofHours(1), WebhookDelivery.backoff(1_000), "no overflow after many attempts");
        for (int attempts = 1; attempts < 40; attempts++) {
            assertTrue(WebhookDelivery.backoff(attempts).compareTo(WebhookDelivery.backoff(attempts - 1)) >= 0);
        }
    }
}
