package io.creditquery.apikey;

import io.creditquery.cache.RedisConfig;
import io.creditquery.cache.RedisStore;
import io.creditquery.ratelimit.RateLimiter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas share one limit: two limiters on two separate Redis connections (as two service instances have)
 * count the same client together, in one window and one daily quota.
 */
@QuarkusTest
class SharedRateLimitIT {

    @Inject
    RedisConfig config;

    @Test
    void twoReplicasCountTogether() {
        RedisStore connectionA = new RedisStore(config);
        RedisStore connectionB = new RedisStore(config);
        try {
            RateLimiter replicaA = new RateLimiter(connectionA);
            RateLimiter replicaB = new RateLimiter(connectionB);
            String client = "key:" + UUID.randomUUID();
            for (int i = 1; i <= 10; i++) {
                RateLimiter.Usage usage = (i % 2 == 0 ? replicaA : replicaB).count(client, true).await().indefinitely();
                assertEquals(i, usage.minute());
                assertEquals(i, usage.today());
            }
        } finally {
            connectionA.close();
            connectionB.close();
        }
    }
}
