package io.creditquery.watch;

import io.creditquery.common.Digests;
import io.creditquery.common.JsonText;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers watch events to webhooks: POST of {@code {"watchlistId", "event"}} signed with the watchlist's secret
 * ({@code X-CQ-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}); a non-2xx answer or a timeout is
 * retried with exponential back-off (2^attempt seconds, at most an hour) up to credit.watch.webhook-attempts times.
 * At least once: a receiver deduplicates by {@code event.seq}.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int BATCH = 50;

    private final WatchRepository repository;
    private final WatchConfig config;
    private final JsonText json;
    private final HttpClient client;
    private final AtomicBoolean running = new AtomicBoolean();

    public WebhookDelivery(Vertx vertx, WatchRepository repository, WatchConfig config, JsonText json) {
        this.repository = repository;
        this.config = config;
        this.json = json;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.webhookTimeout().toMillis()));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        kick();
    }

    /** Delivers what is due now, unless a delivery run is already going. */
    public void kick() {
        if (running.compareAndSet(false, true)) {
            deliverDue().subscribe().with(ignored -> running.set(false), e -> {
                running.set(false);
                LOG.debugf("webhook delivery run failed: %s", e.getMessage());
            });
        }
    }

    Uni<Void> deliverDue() {
        return repository.claimDeliveries(BATCH).chain(deliveries -> deliveries.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(deliveries.stream().map(this::deliver).toList()).andCollectFailures().replaceWithVoid());
    }

    private Uni<Void> deliver(WatchRepository.Delivery delivery) {
        String body = json.write(Map.of("watchlistId", delivery.watchlistId(), "event", delivery.event()));
        long now = System.currentTimeMillis() / 1000;
        String signature = "t=" + now + ",v1=" + Digests.hmacSha256Hex(HexFormat.of().parseHex(delivery.secret()),
                now + "." + body);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(delivery.url())
                .setTimeout(config.webhookTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-CQ-Event", Long.toString(delivery.seq()))
                .putHeader("X-CQ-Signature", signature);
        return client.request(request).chain(req -> req.send(body))
                .map(response -> response.statusCode() / 100 == 2)
                .onFailure().recoverWithItem(false)
                .chain(ok -> ok ? repository.delivered(delivery.seq()) : repository.retryAt(delivery.seq(),
                        delivery.attempts() >= config.webhookAttempts() ? null
                                : OffsetDateTime.now().plus(backoff(delivery.attempts()))));
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 1L << Math.min(attempts, 12)));
    }
}
