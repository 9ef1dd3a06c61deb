package io.creditquery.search;

import io.creditquery.common.StartupOrder;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * On start, after the migrations: the subjects index is rebuilt if it is stale ({@link ReindexService#rebuildIfStale()},
 * one replica at a time). In the background — lookups are answered meanwhile — and the replica is not ready until it
 * has finished, so that a fresh Elasticsearch is not taken for an empty register.
 */
@ApplicationScoped
public class IndexBootstrap {

    private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);

    private final ReindexService reindex;
    private final Vertx vertx;
    private volatile boolean done;

    public IndexBootstrap(ReindexService reindex, Vertx vertx) {
        this.reindex = reindex;
        this.vertx = vertx;
    }

    void start(@Observes @Priority(StartupOrder.DATA) StartupEvent event) {
        vertx.getOrCreateContext().runOnContext(() -> reindex.rebuildIfStale().subscribe().with(ignored -> done = true,
                failure -> {
                    done = true;
                    LOG.warnf("the start-up check of the search index failed: %s", failure.getMessage());
                }));
    }

    public boolean done() {
        return done;
    }

    /** Not ready until the start-up check of the index (and the rebuild it may start) has finished. */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        private final IndexBootstrap bootstrap;

        Check(IndexBootstrap bootstrap) {
            this.bootstrap = bootstrap;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("search index").status(bootstrap.done()).build();
        }
    }
}
