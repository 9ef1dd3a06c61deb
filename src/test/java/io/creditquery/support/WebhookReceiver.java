package io.creditquery.support;

import io.creditquery.common.Digests;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 that answers 500 to the first call of every event (so each one is retried) and
 * keeps the calls it accepted, with a check of their signatures.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** An accepted call. */
    public record Call(String event, String signature, String body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Call> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public WebhookReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String event = request.getHeader("X-CQ-Event");
            if (attempts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet() == 1) {
                request.response().setStatusCode(500).end();
                return;
            }
            accepted.add(new Call(event, request.getHeader("X-CQ-Signature"), body.toString()));
            request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hook";
    }

    public List<Call> accepted() {
        return accepted;
    }

    public int attempts(String event) {
        return attempts.getOrDefault(event, new AtomicInteger()).get();
    }

    /** Whether the call's X-CQ-Signature is the HMAC-SHA256 of "t.body" with this secret. */
    public static boolean signedWith(Call call, String secret) {
        String[] parts = call.signature().split(",");
        String t = parts[0].substring(2);
        return parts[1].equals("v1=" + Digests.hmacSha256Hex(HexFormat.of().parseHex(secret), t + "." + call.body()));
    }

    @Override
    public void close() {
        vertx.close();
    }
}
