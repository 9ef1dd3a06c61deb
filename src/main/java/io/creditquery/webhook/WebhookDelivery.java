package io.creditquery.webhook;

import io.creditquery.common.Digests;
import io.creditquery.common.DrainLoop;
import io.creditquery.db.PgWorkQueue;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Delivers queued webhook calls (table webhook_delivery: watch events, finished verification jobs): POST of the
 * stored JSON body, {@code X-CQ-Event} naming what it is about, signed with the target's secret
 * ({@code X-CQ-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}). A non-2xx answer or a timeout is
 * retried with exponential back-off (2^attempt seconds, at most an hour) up to credit.webhooks.attempts times;
 * finished calls are deleted after credit.webhooks.keep-finished.
 * Calls are leased for a minute, so a crashed sender's calls are retried by another replica: at least once; a
 * receiver deduplicates by X-CQ-Event. Before every attempt the target's name is resolved and each of its addresses
 * checked ({@link OutboundGuard}); the call goes to the checked address, redirects are not followed.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(1);
    static final PgWorkQueue QUEUE = PgWorkQueue.leased("webhook_delivery", "delivered_at");

    private record Call(long id, String url, String secret, String event, String body, int attempts) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final WebhookConfig config;
    private final HttpClient client;
    private final PgWorkQueue.Backoff backoff;
    private final DrainLoop loop;

    public WebhookDelivery(Vertx vertx, Pool pool, WebhookConfig config) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        this.backoff = backoff(config.attempts());
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.timeout().toMillis()));
        this.loop = new DrainLoop(vertx, "webhook delivery", this::deliverDue);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        kick();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return QUEUE.purgeFinished(pool, config.keepFinished())
                .invoke(deleted -> LOG.debugf("deleted %d finished webhook calls", deleted))
                .onFailure().invoke(e -> LOG.warnf("deleting finished webhook calls failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Delivers what is due now, batch after batch. */
    public void kick() {
        loop.kick();
    }

    /** One batch of due calls; true if the batch was full (more may be due). */
    Uni<Boolean> deliverDue() {
        return QUEUE.lease(pool, BATCH, LEASE, "id, url, secret, event, body, attempts").map(rows -> {
            List<Call> calls = new ArrayList<>();
            for (Row row : rows) {
                calls.add(new Call(row.getLong("id"), row.getString("url"), row.getString("secret"),
                        row.getString("event"), row.getString("body"), row.getInteger("attempts")));
            }
            return calls;
        }).chain(calls -> calls.isEmpty() ? Uni.createFrom().item(false)
                : Uni.join().all(calls.stream().map(this::deliver).toList()).andCollectFailures()
                .replaceWith(calls.size() == BATCH));
    }

    private Uni<Void> deliver(Call call) {
        long now = System.currentTimeMillis() / 1000;
        String signature = "t=" + now + ",v1=" + Digests.hmacSha256Hex(HexFormat.of().parseHex(call.secret()),
                now + "." + call.body());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(call.url())
                .setTimeout(config.timeout().toMillis())
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-CQ-Event", call.event())
                .putHeader("X-CQ-Signature", signature);
        URI target = URI.create(call.url());
        Set<String> developmentHosts = config.httpHosts().orElse(Set.of());
        // Resolving blocks: on a worker; a development host is used by name.
        Uni<InetAddress> checked = developmentHosts.contains(OutboundGuard.host(target)) ? Uni.createFrom().nullItem()
                : vertx.executeBlocking(Uni.createFrom().item(() -> OutboundGuard.checkedAddress(target, developmentHosts)),
                        false);
        return checked
                .chain(address -> client.request(address == null ? request : request.setServer(
                        SocketAddress.inetSocketAddress(port(target), address.getHostAddress()))))
                .chain(req -> req.send(call.body()))
                .map(response -> response.statusCode() / 100 == 2)
                .onFailure().invoke(e -> LOG.debugf("webhook call %d failed: %s", call.id(), e.getMessage()))
                .onFailure().recoverWithItem(false)
                .chain(ok -> ok ? QUEUE.complete(pool, call.id(), call.attempts()) : QUEUE.retry(pool, call.id(), call.attempts(), backoff));
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** 2 s after the first failed attempt, doubling, at most an hour. */
    static PgWorkQueue.Backoff backoff(int attempts) {
        return new PgWorkQueue.Backoff(Duration.ofSeconds(2), Duration.ofHours(1), attempts);
    }
}
