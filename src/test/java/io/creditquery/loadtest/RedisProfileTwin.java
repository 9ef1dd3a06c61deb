package io.creditquery.loadtest;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.List;

/**
 * The "physical limit" twin of a cached profile lookup: a bare Vert.x HTTP server that answers
 * GET /api/v1/subjects/{code} with one call to Redis — the same Lua read of the same hash the service's profile
 * cache makes, through the same client (Lettuce) — and nothing else: no code check, no auth, no rate limit, no audit.
 * A miss answers 404, a Redis failure 503 (logged), so wrk's non-2xx count tells them from hits.
 *   java -cp … io.creditquery.loadtest.RedisProfileTwin PORT REDIS_URI KEY_PREFIX
 */
public final class RedisProfileTwin {

    private static final String LOOKUP = "return {redis.call('HGET', KEYS[1], ARGV[1]) or false, redis.call('GET', KEYS[2]) or false}";

    private RedisProfileTwin() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        RedisClient client = RedisClient.create(args[1]);
        StatefulRedisConnection<String, String> redis = client.connect(StringCodec.UTF8);
        String prefix = args[2];
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.createHttpServer().requestHandler(request -> {
            String code = request.path().substring(request.path().lastIndexOf('/') + 1);
            redis.async().<List<Object>>eval(LOOKUP, ScriptOutputType.MULTI,
                            new String[]{prefix + ":{" + code + "}:views", prefix + ":{" + code + "}:gen"}, "public")
                    .whenComplete((values, failure) -> {
                        if (failure != null) {
                            System.err.println("redis: " + failure);
                            request.response().setStatusCode(503).end();
                            return;
                        }
                        Object profile = values.get(0);
                        if (profile == null) {
                            request.response().setStatusCode(404).end();
                        } else {
                            request.response().putHeader("Content-Type", "application/json").end((String) profile);
                        }
                    });
        }).listen(port).toCompletionStage().toCompletableFuture().join();
        System.out.println("twin listening on " + port);
    }
}
