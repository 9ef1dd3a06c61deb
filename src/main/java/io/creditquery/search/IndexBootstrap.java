package io.creditquery.search;

import io.creditquery.common.StartupOrder;
import io.creditquery.common.StartupWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * On start, after the migrations: the subjects index is rebuilt if it is stale ({@link ReindexService#rebuildIfStale()},
 * one replica at a time). In the background — lookups are answered meanwhile — and the replica is not ready until it
 * has finished ({@link StartupWork}), so that a fresh Elasticsearch is not taken for an empty register.
 */
@ApplicationScoped
public class IndexBootstrap {

    private final ReindexService reindex;
    private final StartupWork startupWork;

    public IndexBootstrap(ReindexService reindex, StartupWork startupWork) {
        this.reindex = reindex;
        this.startupWork = startupWork;
    }

    void start(@Observes @Priority(StartupOrder.DATA) StartupEvent event) {
        startupWork.run("search index", reindex::rebuildIfStale);
    }
}
