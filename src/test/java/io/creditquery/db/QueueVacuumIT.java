package io.creditquery.db;

import io.creditquery.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class QueueVacuumIT {

    @Inject
    QueueVacuum vacuum;

    @Inject
    TestStores stores;

    @Test
    void theQueueTablesAreVacuumedAsTheServicesOwnRole() {
        long startedAt = stores.count("select (extract(epoch from clock_timestamp()) * 1000)::bigint");
        vacuum.vacuum().await().atMost(Duration.ofMinutes(1));
        // A manual vacuum is recorded as last_vacuum; a role that may not vacuum a table only gets a warning.
        assertEquals(3, stores.count("select count(*) from pg_stat_user_tables where relname in "
                + "('search_outbox', 'watch_outbox', 'webhook_delivery') "
                + "and extract(epoch from last_vacuum) * 1000 >= $1", startedAt));
    }
}
