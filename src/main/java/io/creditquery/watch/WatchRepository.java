package io.creditquery.watch;

import io.creditquery.db.PgWorkQueue;
import io.creditquery.evaluation.EvaluationRepository;
import io.creditquery.evaluation.EvaluationSql;
import io.creditquery.list.ListKind;
import io.creditquery.list.ListType;
import io.creditquery.list.ListVisibility;
import io.creditquery.record.PublicVisibility;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Watchlists, what each watcher was last told about its subjects, and the events since. */
@ApplicationScoped
public class WatchRepository {

    private static final String[] BLACK_LISTS = Arrays.stream(ListType.values())
            .filter(t -> t.kind() == ListKind.BLACK).map(Enum::name).toArray(String[]::new);

    private static final String STATE = """
            select s.id, coalesce(s.uscc, s.id_masked) as code, s.name,
                   (select coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'listType', l.list_type,
                            'authority', l.authority, 'decisionNo', l.decision_no, 'listedOn', l.listed_on) order by l.id),
                            '[]'::jsonb)::text
                    from list_entry l where l.subject_id = s.id and l.list_type = any($2) and %1$s) as black_json,
                   (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'title', r.title, 'sourceDept', r.source_dept,
                            'sourceDocNo', r.source_doc_no, 'decisionDate', r.decision_date) order by r.id), '[]'::jsonb)::text
                    from credit_record r where r.subject_id = s.id and r.category = 'ADMIN_PENALTY' and %2$s) as penalties_json,
                   array(select distinct l.list_type from list_entry l where l.subject_id = s.id and %1$s) as lists,
                   %3$s
            from subject s %4$s where s.id = any($1)
            """.formatted(ListVisibility.LIST_SQL, PublicVisibility.RECORD_SQL, EvaluationSql.COLUMNS,
            EvaluationSql.JOINS);

    /** A subject as a watcher sees it now: black-list entries and penalties in force (with details), lists, counts. */
    public record State(long subjectId, String code, String name, List<Map<String, Object>> blackLists,
                        List<Map<String, Object>> penalties, List<String> listTypes, EvaluationRepository.Counts counts) {
    }

    /** What one watcher was last told about one subject. */
    public record Watched(String watchlistId, long subjectId, Set<Long> blackLists, Set<Long> penalties, String grade) {
    }

    /** A new event before it is stored. */
    public record NewEvent(String watchlistId, long subjectId, String kind, Map<String, Object> detail) {
    }

    /** A watchlist row. */
    public record Watchlist(String id, String owner, String name, String webhookUrl, OffsetDateTime createdAt,
                            int subjects) {
    }

    /** Watched subjects that changed (filled by a trigger on the search outbox). */
    private static final PgWorkQueue OUTBOX = PgWorkQueue.outbox("watch_outbox");

    private final Pool pool;

    public WatchRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<Long, State>> states(SqlClient client, Collection<Long> subjectIds) {
        return client.preparedQuery(STATE).execute(Tuple.of(subjectIds.toArray(Long[]::new), BLACK_LISTS))
                .map(rows -> {
                    Map<Long, State> states = new LinkedHashMap<>();
                    for (Row row : rows) {
                        states.put(row.getLong("id"), new State(row.getLong("id"), row.getString("code"),
                                row.getString("name"), maps(row.getString("black_json")), maps(row.getString("penalties_json")),
                                Arrays.asList(row.getArrayOfStrings("lists")), EvaluationRepository.Counts.of(row)));
                    }
                    return states;
                });
    }

    public Uni<Void> createList(SqlConnection connection, String id, String owner, String name, String url,
                                String secret) {
        return connection.preparedQuery("insert into watchlist (id, owner, name, webhook_url, webhook_secret)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(id, owner, name, url, secret)).replaceWithVoid();
    }

    /** Adds subjects with the state the watcher starts from; subjects already on the list keep theirs. */
    public Uni<Void> watch(SqlConnection connection, String watchlistId, Collection<State> states,
                           Map<Long, String> grades) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> ids = new ArrayList<>();
        List<String> black = new ArrayList<>();
        List<String> penalties = new ArrayList<>();
        List<String> gradeList = new ArrayList<>();
        for (State state : states) {
            ids.add(state.subjectId());
            black.add(idArray(state.blackLists()));
            penalties.add(idArray(state.penalties()));
            gradeList.add(grades.get(state.subjectId()));
        }
        return connection.preparedQuery("""
                        insert into watch_subject (watchlist_id, subject_id, black_lists, penalties, grade)
                        select $1, t.id, t.black::bigint[], t.penalties::bigint[], t.grade
                        from unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) as t(id, black, penalties, grade)
                        on conflict do nothing
                        """)
                .execute(Tuple.of(watchlistId, ids.toArray(Long[]::new), black.toArray(String[]::new),
                        penalties.toArray(String[]::new), gradeList.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Watchlist> find(String id) {
        return pool.preparedQuery("select w.id, w.owner, w.name, w.webhook_url, w.created_at,"
                        + " (select count(*) from watch_subject ws where ws.watchlist_id = w.id)::int as subjects"
                        + " from watchlist w where w.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Watchlist(row.getString("id"), row.getString("owner"), row.getString("name"),
                            row.getString("webhook_url"), row.getOffsetDateTime("created_at"), row.getInteger("subjects"));
                });
    }

    /** Claims changed watched subjects from the outbox (SKIP LOCKED: replicas share the work). */
    public Uni<Set<Long>> claim(SqlConnection connection, int limit) {
        return OUTBOX.take(connection, limit, "subject_id")
                .map(rows -> {
                    Set<Long> ids = new LinkedHashSet<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    public Uni<List<Watched>> watchers(SqlConnection connection, Collection<Long> subjectIds) {
        return connection.preparedQuery("""
                        select ws.watchlist_id, ws.subject_id, ws.black_lists, ws.penalties, ws.grade
                        from watch_subject ws where ws.subject_id = any($1) for update
                        """)
                .execute(Tuple.of(subjectIds.toArray(Long[]::new)))
                .map(rows -> {
                    List<Watched> watched = new ArrayList<>();
                    for (Row row : rows) {
                        watched.add(new Watched(row.getString("watchlist_id"), row.getLong("subject_id"),
                                Set.of(row.getArrayOfLongs("black_lists")), Set.of(row.getArrayOfLongs("penalties")),
                                row.getString("grade")));
                    }
                    return watched;
                });
    }

    public Uni<Void> record(SqlConnection connection, List<NewEvent> events, List<Watched> updated,
                            Map<Long, State> states, Map<Long, String> grades) {
        // Events, and for watchlists with a webhook one queued call each, in the same transaction.
        Uni<Void> inserted = events.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        with inserted as (
                            insert into watch_event (watchlist_id, subject_id, kind, detail)
                            select t.list, t.subject, t.kind, t.detail::jsonb
                            from unnest($1::text[], $2::bigint[], $3::text[], $4::text[])
                                with ordinality as t(list, subject, kind, detail, n)
                            order by t.n
                            returning seq, watchlist_id, subject_id, kind, detail, occurred_at
                        )
                        insert into webhook_delivery (url, secret, event, body)
                        select w.webhook_url, w.webhook_secret, 'watch:' || i.seq,
                               jsonb_build_object('watchlistId', i.watchlist_id, 'event', jsonb_build_object(
                                   'seq', i.seq, 'kind', i.kind, 'subjectCode', coalesce(s.uscc, s.id_masked),
                                   'subjectName', s.name, 'detail', i.detail, 'occurredAt', i.occurred_at))::text
                        from inserted i join watchlist w on w.id = i.watchlist_id join subject s on s.id = i.subject_id
                        where w.webhook_url is not null
                        """)
                .execute(Tuple.of(events.stream().map(NewEvent::watchlistId).toArray(String[]::new),
                        events.stream().map(NewEvent::subjectId).toArray(Long[]::new),
                        events.stream().map(NewEvent::kind).toArray(String[]::new),
                        events.stream().map(e -> new JsonObject(e.detail()).encode()).toArray(String[]::new)))
                .replaceWithVoid();
        if (updated.isEmpty()) {
            return inserted;
        }
        return inserted.chain(() -> connection.preparedQuery("""
                        update watch_subject ws set black_lists = t.black::bigint[], penalties = t.penalties::bigint[],
                                                    grade = t.grade
                        from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[])
                            as t(list, subject, black, penalties, grade)
                        where ws.watchlist_id = t.list and ws.subject_id = t.subject
                        """)
                .execute(Tuple.of(updated.stream().map(Watched::watchlistId).toArray(String[]::new),
                        updated.stream().map(Watched::subjectId).toArray(Long[]::new),
                        updated.stream().map(w -> idArray(states.get(w.subjectId()).blackLists())).toArray(String[]::new),
                        updated.stream().map(w -> idArray(states.get(w.subjectId()).penalties())).toArray(String[]::new),
                        updated.stream().map(w -> grades.get(w.subjectId())).toArray(String[]::new)))
                .replaceWithVoid());
    }

    /** Events of a watchlist after {@code afterSeq}, oldest first. */
    public Uni<List<WatchEvent>> events(String watchlistId, long afterSeq, int size) {
        return pool.preparedQuery(EVENT_VIEW + " where e.watchlist_id = $1 and e.seq > $2 order by e.seq limit $3")
                .execute(Tuple.of(watchlistId, afterSeq, size))
                .map(rows -> {
                    List<WatchEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events;
                });
    }

    private static final String EVENT_VIEW = """
            select e.seq, e.kind, coalesce(s.uscc, s.id_masked) as code, s.name, e.detail, e.occurred_at
            from watch_event e join subject s on s.id = e.subject_id
            """;

    private static WatchEvent event(Row row) {
        return new WatchEvent(row.getLong("seq"), row.getString("kind"), row.getString("code"), row.getString("name"),
                row.getJsonObject("detail").getMap(), row.getOffsetDateTime("occurred_at"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(String json) {
        List<Map<String, Object>> maps = new ArrayList<>();
        new JsonArray(json).forEach(item -> maps.add(((JsonObject) item).getMap()));
        return maps;
    }

    private static String idArray(List<Map<String, Object>> items) {
        return "{" + String.join(",", items.stream().map(i -> String.valueOf(i.get("id"))).toList()) + "}";
    }
}
