package io.creditquery.report;

import io.creditquery.common.ProblemException;
import io.creditquery.common.VertxContexts;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded pool PDFs are rendered on: {@code credit.report.render-threads} threads and a queue of
 * {@code render-queue}; a request that finds the queue full is refused at once, and one that waits longer than
 * {@code render-wait} is refused and its render dropped if it has not begun. Rendering never runs on the event loop
 * nor on the shared worker pool, so a burst of reports cannot starve other requests of threads (only of the CPU the
 * few renderer threads use).
 */
@ApplicationScoped
public class ReportRenderer {

    private final ThreadPoolExecutor executor;
    private final ReportConfig config;

    public ReportRenderer(ReportConfig config) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.renderThreads(), config.renderThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.renderQueue()), runnable -> {
                    Thread thread = new Thread(runnable, "report-render-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code render} on the pool. Cancelling the returned Uni (the wait ran out, the client went away) cancels
     * the future, and a cancelled task that has not started is skipped when its turn comes.
     */
    public Uni<byte[]> render(Supplier<byte[]> render) {
        return VertxContexts.fromStage(() -> {
                    try {
                        return CompletableFuture.supplyAsync(render, executor);
                    } catch (RejectedExecutionException full) {
                        throw busy();
                    }
                })
                .ifNoItem().after(config.renderWait()).failWith(ReportRenderer::busy);
    }

    /**
     * Refuses a PDF request before any work for it (profile, records, storing the report) when the queue is full
     * already: a flood is turned away for the price of this check. A request let in may still be refused by
     * {@link #render} if others took the room meanwhile.
     */
    public void requireRoom() {
        if (executor.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
    }

    private static ProblemException busy() {
        return ProblemException.unavailable("reports-busy",
                "the credit report renderer is busy; try again in a few seconds (format=json answers at once)")
                .retryAfter(5);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
