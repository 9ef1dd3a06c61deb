package io.creditquery.common;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one way queued work is drained (search outbox, watch scan, webhook calls, verification jobs): a run repeats
 * its batch until a batch reports that nothing more is waiting, one run at a time per replica (other replicas share
 * the queue through {@code for update skip locked}). A kick that arrives while a run is going is kept — the run goes
 * round once more at its end — so work queued just after a batch came back short does not wait for the next poll.
 * A failed run ends there; the next kick (the poll) tries again. Runs start on a Vert.x context whoever kicks
 * (a scheduler thread, a store's callback).
 */
public final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<Boolean>> batch;
    private final Runnable afterRun;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Set by a failed run, cleared by one that did not fail: a store outage is logged once, not every poll. */
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * {@code batch}: one batch, true if more may be waiting; {@code afterRun}: what follows a run that did not fail
     * (e.g. kicking the webhook loop).
     */
    public DrainLoop(Vertx vertx, String name, Supplier<Uni<Boolean>> batch, Runnable afterRun) {
        this.vertx = vertx;
        this.name = name;
        this.batch = batch;
        this.afterRun = afterRun;
    }

    public DrainLoop(Vertx vertx, String name, Supplier<Uni<Boolean>> batch) {
        this(vertx, name, batch, () -> {
        });
    }

    /** Asks for a run soon; kicks during a run coalesce into one more round. */
    public void kick() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            vertx.runOnContext(this::run);
        }
    }

    private void run() {
        again.set(false);
        Multi.createBy().repeating().uni(batch::get).until(more -> !more).collect().last().subscribe().with(ignored -> {
            if (failing.getAndSet(false)) {
                LOG.infof("%s works again", name);
            }
            afterRun.run();
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                vertx.runOnContext(this::run);
            }
        }, failure -> {
            if (failing.getAndSet(true)) {
                LOG.debugf("%s failed again: %s", name, failure.getMessage());
            } else {
                LOG.warnf("%s failed, the next kick retries (logged once until it works again): %s", name, failure.getMessage());
            }
            again.set(false);
            running.set(false);
        });
    }
}
