package io.creditquery.health;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.creditquery.cache.RedisStore;
import io.creditquery.common.VertxContexts;
import io.creditquery.search.SearchIndexer;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness of Redis and Elasticsearch. PostgreSQL's check comes with the reactive client and is strict: without
 * it nothing can be answered (no audit). Redis and Elasticsearch outages degrade the service (slower lookups;
 * search answers 503) but do not stop it, so their checks stay UP and say {@code reachable: false}: taking every
 * replica out of the load balancer because a shared cache is down would turn a slowdown into an outage.
 */
public class StoreChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Readiness
    @ApplicationScoped
    public static class RedisCheck implements AsyncHealthCheck {

        private final RedisStore redis;

        public RedisCheck(RedisStore redis) {
            this.redis = redis;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return redis.call(c -> c.ping())
                    .ifNoItem().after(TIMEOUT).fail()
                    .map(pong -> HealthCheckResponse.named("redis").up().withData("reachable", true).build())
                    .onFailure().recoverWithItem(e -> HealthCheckResponse.named("redis").up()
                            .withData("reachable", false).withData("effect", "lookups bypass the cache")
                            .withData("error", String.valueOf(e.getMessage())).build());
        }
    }

    @Readiness
    @ApplicationScoped
    public static class ElasticsearchCheck implements AsyncHealthCheck {

        private final ElasticsearchAsyncClient client;
        private final SearchIndexer indexer;

        public ElasticsearchCheck(ElasticsearchAsyncClient client, SearchIndexer indexer) {
            this.client = client;
            this.indexer = indexer;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            Uni<Long> backlog = indexer.backlog().onFailure().recoverWithItem(-1L);
            return VertxContexts.fromStage(() -> client.cluster().health())
                    .ifNoItem().after(TIMEOUT).fail()
                    .chain(health -> backlog.map(lag -> HealthCheckResponse.named("elasticsearch").up()
                            .withData("reachable", true).withData("cluster", health.status().jsonValue())
                            .withData("outboxBacklog", lag).build()))
                    .onFailure().recoverWithUni(e -> backlog.map(lag -> HealthCheckResponse.named("elasticsearch").up()
                            .withData("reachable", false).withData("effect", "search answers 503; lookups by code work")
                            .withData("outboxBacklog", lag).withData("error", String.valueOf(e.getMessage())).build()));
        }
    }
}
