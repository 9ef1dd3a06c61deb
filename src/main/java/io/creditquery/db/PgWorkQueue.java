package io.creditquery.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.Objects;

/**
 * A PostgreSQL table used as a work queue that replicas share through {@code for update skip locked}: the one way
 * queued work is claimed (search and watch outboxes, webhook calls, verification jobs). How a claim ends follows
 * from what a crash must do to claimed work:
 * <ul>
 * <li>{@link #take}: the rows are deleted in the caller's transaction — done when it commits, back in the queue if it
 * rolls back or the claimer dies (outboxes: the work and its removal commit together).</li>
 * <li>{@link #lease}: the rows are marked taken for a while (one more attempt, not due again before the lease ends)
 * and the claim commits at once; the claimer then {@link #complete}s or {@link #retry}s each row. A claimer that dies
 * leaves its rows due again when the lease ends (webhook calls: the work is an outside call that cannot be rolled
 * back, so it is done at least once).</li>
 * <li>{@link #lock}: the rows stay locked, not changed, until the caller's transaction ends (verification jobs: a
 * job is many codes; the transaction that answers a chunk also moves the job on).</li>
 * </ul>
 * Table, predicate and column names are the service's own constants, never a caller's input.
 */
public final class PgWorkQueue {

    /** Waiting time after a failed attempt: doubling from {@code first}, never above {@code max}; at most {@code maxAttempts}. */
    public record Backoff(Duration first, Duration max, int maxAttempts) {

        /** The wait after failed attempt number {@code attempt} (1 for the first). */
        public Duration after(int attempt) {
            long seconds = first.toSeconds() << Math.min(Math.max(attempt - 1, 0), 30);
            return seconds > max.toSeconds() || seconds <= 0 ? max : Duration.ofSeconds(seconds);
        }
    }

    private final String table;
    private final String due;
    private final String order;
    private final String doneColumn;

    private PgWorkQueue(String table, String due, String order, String doneColumn) {
        this.table = table;
        this.due = due;
        this.order = order;
        this.doneColumn = doneColumn;
    }

    /** Every row is waiting work, oldest id first; claimed with {@link #take}. */
    public static PgWorkQueue outbox(String table) {
        return new PgWorkQueue(table, "true", "id", null);
    }

    /**
     * Rows with {@code attempts}, {@code next_attempt} (null: given up or done), {@code created_at} and
     * {@code doneColumn}; due when not
     * done and {@code next_attempt} has come. Claimed with {@link #lease}.
     */
    public static PgWorkQueue leased(String table, String doneColumn) {
        return new PgWorkQueue(table, doneColumn + " is null and next_attempt <= clock_timestamp()", "id", doneColumn);
    }

    /** Rows matching {@code due}, in {@code order}; claimed with {@link #lock}. */
    public static PgWorkQueue locked(String table, String due, String order) {
        return new PgWorkQueue(table, due, order, null);
    }

    private String waiting() {
        return "select id from " + table + " where " + due + " order by " + order + " limit $1 for update skip locked";
    }

    /** Deletes up to {@code limit} waiting rows in the connection's transaction and returns {@code returning} of each. */
    public Uni<RowSet<Row>> take(SqlConnection connection, int limit, String returning) {
        return connection.preparedQuery("delete from " + table + " where id in (" + waiting() + ") returning " + returning)
                .execute(Tuple.of(limit));
    }

    /** Marks up to {@code limit} due rows taken for {@code lease} (one attempt more) and returns {@code returning}. */
    public Uni<RowSet<Row>> lease(SqlClient client, int limit, Duration lease, String returning) {
        requireLeased();
        return client.preparedQuery("update " + table + " set attempts = attempts + 1,"
                        + " next_attempt = clock_timestamp() + make_interval(secs => $2)"
                        + " where id in (" + waiting() + ") returning " + returning)
                .execute(Tuple.of(limit, (double) lease.toMillis() / 1000));
    }

    /** Locks up to {@code limit} due rows until the connection's transaction ends and returns their {@code columns}. */
    public Uni<RowSet<Row>> lock(SqlConnection connection, int limit, String columns) {
        return connection.preparedQuery("select " + columns + " from " + table + " where " + due + " order by " + order
                + " limit $1 for update skip locked").execute(Tuple.of(limit));
    }

    /**
     * A leased row's work (attempt number {@code attempts}) is done: it is never due again. Like {@link #retry}, it
     * changes the row only while that attempt is still the latest: a claimer whose lease ran out and whose row
     * another replica has taken again does not overwrite what that replica does.
     */
    public Uni<Void> complete(SqlClient client, long id, int attempts) {
        requireLeased();
        return client.preparedQuery("update " + table + " set " + doneColumn + " = clock_timestamp(), next_attempt = null"
                + " where id = $1 and attempts = $2").execute(Tuple.of(id, attempts)).replaceWithVoid();
    }

    /**
     * A leased row's attempt number {@code attempts} failed: due again after the back-off, or given up (never due
     * again, kept for reading) once {@code backoff.maxAttempts()} attempts were made.
     */
    public Uni<Void> retry(SqlClient client, long id, int attempts, Backoff backoff) {
        requireLeased();
        boolean givenUp = attempts >= backoff.maxAttempts();
        return client.preparedQuery("update " + table + " set next_attempt = case when $3 then null"
                        + " else clock_timestamp() + make_interval(secs => $2) end where id = $1 and attempts = $4")
                .execute(Tuple.of(id, (double) backoff.after(attempts).toSeconds(), givenUp, attempts))
                .replaceWithVoid();
    }

    /** Deletes finished rows (done or given up) queued longer than {@code keep} ago; the number deleted. */
    public Uni<Integer> purgeFinished(SqlClient client, Duration keep) {
        requireLeased();
        return client.preparedQuery("delete from " + table + " where next_attempt is null"
                        + " and created_at < clock_timestamp() - make_interval(secs => $1)")
                .execute(Tuple.of((double) keep.toSeconds()))
                .map(RowSet::rowCount);
    }

    private void requireLeased() {
        Objects.requireNonNull(doneColumn, () -> table + " is not a leased queue");
    }
}
