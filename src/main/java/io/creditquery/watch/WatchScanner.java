package io.creditquery.watch;

import io.creditquery.evaluation.Grade;
import io.creditquery.list.ListType;
import io.creditquery.webhook.WebhookDelivery;
import io.creditquery.common.DrainLoop;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns changes of watched subjects into events. Every change of a subject passes through the search outbox; a
 * trigger queues the watched ones in watch_outbox in the same transaction, so no change is missed, even across
 * crashes. Each scan compares a subject's current black-list entries, penalties and grade with what each watcher
 * was last told, stores the differences as events and moves the watcher's base line, all in one transaction.
 */
@ApplicationScoped
public class WatchScanner {

    private static final int BATCH = 500;

    private final Pool pool;
    private final WatchRepository repository;
    private final WatchService service;
    private final WebhookDelivery delivery;

    private final DrainLoop loop;

    public WatchScanner(Vertx vertx, Pool pool, WatchRepository repository, WatchService service, WebhookDelivery delivery) {
        this.pool = pool;
        this.repository = repository;
        this.service = service;
        this.delivery = delivery;
        this.loop = new DrainLoop(vertx, "watch scan", this::scan);
    }

    @Scheduled(every = "${credit.watch.scan-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        loop.kick();
    }

    /** One batch of changed watched subjects (their events stored, the webhook calls kicked); true if it was full. */
    private Uni<Boolean> scan() {
        int[] claimed = {0};
        return pool.withTransaction(connection -> repository.claim(connection, BATCH).chain(ids -> {
                    claimed[0] = ids.size();
                    return ids.isEmpty() ? Uni.createFrom().item(0)
                            : repository.states(connection, ids).chain(states -> compare(connection, states));
                }))
                .map(events -> {
                    if (events > 0) {
                        delivery.kick(); // after the commit, so that the delivery run sees the new calls
                    }
                    return claimed[0] == BATCH;
                });
    }

    private Uni<Integer> compare(SqlConnection connection, Map<Long, WatchRepository.State> states) {
        return repository.watchers(connection, states.keySet()).chain(watchers -> {
            Map<Long, String> grades = new HashMap<>();
            states.values().forEach(s -> grades.put(s.subjectId(), service.grade(s)));
            List<WatchRepository.NewEvent> events = new ArrayList<>();
            List<WatchRepository.Watched> changed = new ArrayList<>();
            for (WatchRepository.Watched watched : watchers) {
                WatchRepository.State state = states.get(watched.subjectId());
                if (state == null) {
                    continue;
                }
                int before = events.size();
                for (Map<String, Object> entry : state.blackLists()) {
                    if (!watched.blackLists().contains(((Number) entry.get("id")).longValue())) {
                        Map<String, Object> detail = new LinkedHashMap<>(entry);
                        detail.put("label", ListType.valueOf((String) entry.get("listType")).label());
                        events.add(new WatchRepository.NewEvent(watched.watchlistId(), watched.subjectId(),
                                "BLACK_LIST", detail));
                    }
                }
                for (Map<String, Object> penalty : state.penalties()) {
                    if (!watched.penalties().contains(((Number) penalty.get("id")).longValue())) {
                        events.add(new WatchRepository.NewEvent(watched.watchlistId(), watched.subjectId(),
                                "PENALTY", penalty));
                    }
                }
                Grade was = Grade.valueOf(watched.grade());
                Grade now = Grade.valueOf(grades.get(watched.subjectId()));
                if (now.worseThan(was)) {
                    events.add(new WatchRepository.NewEvent(watched.watchlistId(), watched.subjectId(), "GRADE_DROP",
                            Map.of("from", was.name(), "to", now.name(), "label", now.label())));
                }
                if (events.size() > before || now != was || !sameIds(watched.blackLists(), state.blackLists())
                        || !sameIds(watched.penalties(), state.penalties())) {
                    changed.add(watched);
                }
            }
            return repository.record(connection, events, changed, states, grades).replaceWith(events.size());
        });
    }

    private static boolean sameIds(Set<Long> seen, List<Map<String, Object>> now) {
        return seen.size() == now.size() && now.stream().allMatch(i -> seen.contains(((Number) i.get("id")).longValue()));
    }
}
