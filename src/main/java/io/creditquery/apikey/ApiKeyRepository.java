package io.creditquery.apikey;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, name, key_prefix, scopes, daily_quota, rate_per_minute, expires_at,"
            + " revoked_at, previous_valid_until, created_at";

    private final Pool pool;

    public ApiKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(ApiClient client, String keyHash) {
        return pool.preparedQuery("insert into api_client (id, name, key_hash, key_prefix, scopes, daily_quota,"
                        + " rate_per_minute, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple().addUUID(client.id()).addString(client.name()).addString(keyHash)
                        .addString(client.keyPrefix()).addArrayOfString(client.scopes().toArray(String[]::new))
                        .addInteger(client.dailyQuota()).addInteger(client.ratePerMinute())
                        .addOffsetDateTime(client.expiresAt()))
                .replaceWithVoid();
    }

    public Uni<List<ApiClient>> list() {
        return pool.query("select " + COLUMNS + " from api_client order by created_at").execute().map(rows -> {
            List<ApiClient> clients = new ArrayList<>();
            rows.forEach(row -> clients.add(client(row)));
            return clients;
        });
    }

    /** The client a presented key belongs to: by its current hash, or by its previous one within the grace period. */
    public Uni<ApiClient> findValid(String keyHash, OffsetDateTime now) {
        return pool.preparedQuery("select " + COLUMNS + " from api_client where revoked_at is null"
                        + " and (expires_at is null or expires_at > $2)"
                        + " and (key_hash = $1 or (previous_key_hash = $1 and previous_valid_until > $2))")
                .execute(Tuple.of(keyHash, now))
                .map(rows -> rows.size() == 0 ? null : client(rows.iterator().next()));
    }

    /** Replaces the key; the old one stays valid until {@code graceUntil}. Null if there is no such active client. */
    public Uni<ApiClient> rotate(UUID id, String newHash, String newPrefix, OffsetDateTime graceUntil) {
        return pool.preparedQuery("update api_client set previous_key_hash = key_hash, previous_valid_until = $4,"
                        + " key_hash = $2, key_prefix = $3 where id = $1 and revoked_at is null returning " + COLUMNS)
                .execute(Tuple.of(id, newHash, newPrefix, graceUntil))
                .map(rows -> rows.size() == 0 ? null : client(rows.iterator().next()));
    }

    public Uni<ApiClient> revoke(UUID id) {
        return pool.preparedQuery("update api_client set revoked_at = coalesce(revoked_at, clock_timestamp())"
                        + " where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : client(rows.iterator().next()));
    }

    private static ApiClient client(Row row) {
        return new ApiClient(row.getUUID("id"), row.getString("name"), row.getString("key_prefix"),
                Arrays.asList(row.getArrayOfStrings("scopes")), row.getInteger("daily_quota"),
                row.getInteger("rate_per_minute"), row.getOffsetDateTime("expires_at"),
                row.getOffsetDateTime("revoked_at"), row.getOffsetDateTime("previous_valid_until"),
                row.getOffsetDateTime("created_at"));
    }
}
