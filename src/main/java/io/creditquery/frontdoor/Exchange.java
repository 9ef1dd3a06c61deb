package io.creditquery.frontdoor;

import io.creditquery.common.Problem;
import io.creditquery.security.Caller;
import io.creditquery.security.PersonalIds;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One API request on its way through the front door: its server-made id, when it arrived, who sent it (once
 * identified), and who answers it. Exactly one part of the pipeline {@link #claim() claims} the answer — a
 * refusal at the door, the deadline, the resource, or the end of the exchange — and that part writes its audit event.
 */
public final class Exchange {

    /** A refusal the door answers with: its problem and headers. */
    public record Refusal(Problem problem, Map<String, String> headers) {
    }

    private static final String KEY = Exchange.class.getName();
    private static final Object ANSWERED = new Object();
    private static final int MAX_CLIENT_ID = 64;

    private final String requestId;
    private final String clientRequestId;
    private final long startedNanos;
    private final String pathRefusal;
    /** Who answers: {@link #ANSWERED} (a resource, or the end of the exchange) or the refusal the door sent. */
    private final AtomicReference<Object> claimedBy = new AtomicReference<>();
    private volatile Caller caller;

    private Exchange(String clientRequestId, String pathRefusal) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Unique enough to find a request again; not a secret, so no SecureRandom (which serialises threads).
        this.requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        this.clientRequestId = clientRequestId;
        this.startedNanos = System.nanoTime();
        this.pathRefusal = pathRefusal;
    }

    static Exchange open(RoutingContext ctx, String pathRefusal) {
        Exchange exchange = new Exchange(clientId(ctx.request().getHeader(FrontDoor.REQUEST_ID)), pathRefusal);
        ctx.put(KEY, exchange);
        return exchange;
    }

    /** The exchange of an API request; null for requests outside the API (portal pages, /q). */
    public static Exchange of(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(KEY);
    }

    /** True for the one caller that answers (and audits) this request; false for every later one. */
    public boolean claim() {
        return claimedBy.compareAndSet(null, ANSWERED);
    }

    /** Claims the answer for a refusal, which a resource that finishes later must then give too (see AuditFilter). */
    boolean claimFor(Problem problem, Map<String, String> headers) {
        return claimedBy.compareAndSet(null, new Refusal(problem, Map.copyOf(headers)));
    }

    /** The refusal that claimed this exchange, or null (a resource or the end of the exchange claimed it). */
    public Refusal refusal() {
        return claimedBy.get() instanceof Refusal refusal ? refusal : null;
    }

    public String requestId() {
        return requestId;
    }

    public String clientRequestId() {
        return clientRequestId;
    }

    public long latencyMicros() {
        return (System.nanoTime() - startedNanos) / 1_000;
    }

    /** Why the path is not canonical ({@link CanonicalPath}); null when it is. */
    String pathRefusal() {
        return pathRefusal;
    }

    /** Null until the caller is identified (refusals before that: overload, browser origin, bad credentials). */
    public Caller caller() {
        return caller;
    }

    void identified(Caller caller) {
        this.caller = caller;
    }

    /** A client's own id is kept for its correlation only if it is short printable ASCII (citizen IDs masked). */
    private static String clientId(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_CLIENT_ID) {
            return null;
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return null;
            }
        }
        return PersonalIds.redactPath(header);
    }
}
