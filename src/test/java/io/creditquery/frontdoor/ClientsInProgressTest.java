package io.creditquery.frontdoor;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientsInProgressTest {

    @Test
    void aClientGetsAtMostItsPlacesAndLeavingFreesThem() {
        ClientsInProgress clients = new ClientsInProgress();
        assertTrue(clients.enter("ip:a", 2));
        assertTrue(clients.enter("ip:a", 2));
        assertFalse(clients.enter("ip:a", 2), "a third is refused");
        assertTrue(clients.enter("ip:b", 2), "another client has its own places");
        assertEquals(2, clients.of("ip:a"), "a refused request is not counted");
        clients.leave("ip:a");
        assertTrue(clients.enter("ip:a", 2));
        clients.leave("ip:a");
        clients.leave("ip:a");
        assertEquals(0, clients.of("ip:a"));
    }

    @Test
    void concurrentCallersNeverExceedThePlaces() throws Exception {
        ClientsInProgress clients = new ClientsInProgress();
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 10_000; i++) {
            threads.execute(() -> {
                if (clients.enter("ip:a", 5)) {
                    admitted.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(5, admitted.get());
        assertEquals(5, clients.of("ip:a"));
    }
}
