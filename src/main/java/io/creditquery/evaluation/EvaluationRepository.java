package io.creditquery.evaluation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The counts of {@link EvaluationSql#COLUMNS} for one subject. */
@ApplicationScoped
public class EvaluationRepository {

    /** Counts behind a grade, and how many public records are under objection. */
    public record Counts(int penalties, int recordsUnderObjection, int brokenCommitments, int keptCommitments) {

        public static Counts of(Row row) {
            return new Counts(row.getInteger("penalties"), row.getInteger("records_under_objection"),
                    row.getInteger("broken_commitments"), row.getInteger("kept_commitments"));
        }
    }

    private final Pool pool;

    public EvaluationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Counts> counts(long subjectId) {
        return pool.preparedQuery("select " + EvaluationSql.COLUMNS + " from subject s " + EvaluationSql.JOINS
                        + " where s.id = $1")
                .execute(Tuple.of(subjectId))
                .map(rows -> Counts.of(rows.iterator().next()));
    }
}
