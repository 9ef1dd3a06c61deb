package io.creditquery.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Readiness waits for every piece of start-up work, and a piece that fails still ends the wait. */
class StartupWorkTest {

    private static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    @Test
    void notReadyUntilEveryPieceHasFinishedWhetherItSucceededOrFailed() {
        StartupWork work = new StartupWork(VERTX);
        StartupWork.Check check = new StartupWork.Check(work);
        CompletableFuture<Void> index = new CompletableFuture<>();
        CompletableFuture<Void> names = new CompletableFuture<>();
        work.run("search index", () -> Uni.createFrom().completionStage(index));
        work.run("department names", () -> Uni.createFrom().completionStage(names));
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus());

        names.completeExceptionally(new IllegalStateException("no database"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "finished".equals(data(check).get("department names")));
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus());
        assertEquals("running", data(check).get("search index"));
        assertFalse(work.finished());

        index.complete(null);
        await().atMost(Duration.ofSeconds(5)).until(work::finished);
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
    }

    @Test
    void aPieceThatThrowsBeforeItsUniExistsStillEnds() {
        StartupWork work = new StartupWork(VERTX);
        work.run("broken", () -> {
            throw new IllegalStateException("thrown while building the work");
        });
        await().atMost(Duration.ofSeconds(5)).until(work::finished);
    }

    private static Map<String, Object> data(StartupWork.Check check) {
        return check.call().getData().orElseThrow();
    }
}
