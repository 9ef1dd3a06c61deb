package io.creditquery.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the chain in sequence order and recomputes every keyed hash: a changed field breaks its own hash, a removed
 * or inserted event breaks the link of the next one, removed events at the end no longer reach the chain head, and
 * every checkpoint must name an event of the chain with the hash it recorded. Archived months (see docs/audit.md)
 * are sealed by checkpoints: the oldest kept event must link to one. Everything is read in one snapshot, up to the
 * head read in it, so events appended meanwhile never look like a break.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 5_000;

    /** The outcome: how many events and checkpoints were checked and, if any, the first broken event. */
    public record Verification(boolean intact, long eventsChecked, long checkpointsChecked, Long firstBrokenSeq,
                               String reason, long eventsRecorded) {
    }

    private record Walk(AuditRepository.ChainHead head, Map<Long, String> checkpoints) {
    }

    private final AuditRepository repository;
    private final AuditHash hash;

    public AuditVerifier(AuditRepository repository, AuditHash hash) {
        this.repository = repository;
        this.hash = hash;
    }

    public Uni<Verification> verify() {
        return repository.inSnapshot(db -> Uni.combine().all()
                .unis(repository.head(db), repository.checkpoints(db, 0L, Integer.MAX_VALUE), repository.rekeyBreak(db))
                .asTuple().chain(t -> {
                    Map<Long, String> checkpoints = new HashMap<>();
                    // Two checkpoints of one event with different hashes cannot both be right: "" matches no hash.
                    t.getItem2().forEach(c -> checkpoints.merge(c.lastSeq(), c.lastHash(), (a, b) -> a.equals(b) ? a : ""));
                    Walk walk = new Walk(t.getItem1(), checkpoints);
                    return repository.chainPage(db, 0L, 1).chain(first -> {
                        String start = "";
                        if (!first.isEmpty()) {
                            // Events before the oldest kept one may have been archived: the chain then continues
                            // from the hash a checkpoint sealed; otherwise it must start from the empty hash.
                            String firstPrev = first.get(0).prevHash();
                            long firstSeq = first.get(0).seq();
                            boolean sealed = t.getItem2().stream().anyMatch(c -> c.lastSeq() < firstSeq
                                    && c.lastHash().equals(firstPrev));
                            start = sealed ? firstPrev : "";
                            checkpoints.keySet().removeIf(seq -> seq < firstSeq);
                        }
                        return walk(db, walk, 0L, start, 0L, 0L);
                    }).map(v -> v.intact() && t.getItem3() != null
                            ? new Verification(false, v.eventsChecked(), v.checkpointsChecked(), t.getItem3().seq(),
                            "already broken before the chain was re-keyed (schema version 18): " + t.getItem3().reason(),
                            v.eventsRecorded())
                            : v);
                }));
    }

    private Uni<Verification> walk(SqlClient db, Walk walk, long afterSeq, String expectedPrev, long checked,
                                   long checkpointsChecked) {
        return repository.chainPage(db, afterSeq, PAGE).chain(page -> {
            String prev = expectedPrev;
            long count = checked;
            long sealed = checkpointsChecked;
            for (AuditRepository.StoredEvent stored : page) {
                if (!stored.prevHash().equals(prev)) {
                    return done(false, count, sealed, stored.seq(), "link broken: the event before it was removed,"
                            + " added or reordered", walk);
                }
                if (!hash.of(prev, stored.event()).equals(stored.hash())) {
                    return done(false, count, sealed, stored.seq(), "content changed after it was written", walk);
                }
                String checkpoint = walk.checkpoints().remove(stored.seq());
                if (checkpoint != null) {
                    if (!checkpoint.equals(stored.hash())) {
                        return done(false, count, sealed, stored.seq(), "a checkpoint recorded another hash for this"
                                + " event: the chain was rewritten after the checkpoint", walk);
                    }
                    sealed++;
                }
                prev = stored.hash();
                count++;
            }
            if (page.size() == PAGE) {
                return walk(db, walk, page.get(page.size() - 1).seq(), prev, count, sealed);
            }
            long lastSeq = page.isEmpty() ? afterSeq : page.get(page.size() - 1).seq();
            if (!prev.equals(walk.head().lastHash())) {
                return done(false, count, sealed, lastSeq, "the chain ends before its recorded head: events at the"
                        + " end were removed", walk);
            }
            List<Long> unmatched = walk.checkpoints().keySet().stream().sorted().toList();
            if (!unmatched.isEmpty()) {
                return done(false, count, sealed, unmatched.get(0), "a checkpoint names an event that is not in the"
                        + " chain", walk);
            }
            return done(true, count, sealed, null, null, walk);
        });
    }

    private static Uni<Verification> done(boolean intact, long checked, long checkpoints, Long seq, String reason,
                                          Walk walk) {
        return Uni.createFrom().item(new Verification(intact, checked, checkpoints, seq, reason, walk.head().events()));
    }
}
