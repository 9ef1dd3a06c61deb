package io.creditquery.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Walks the chain in sequence order and recomputes every hash: a changed field breaks its own hash, a removed or
 * inserted event breaks the link of the next one, and removed events at the end no longer reach the chain head.
 * Archived months (see docs/audit.md) are sealed by checkpoints: the oldest kept event must link to one.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 5_000;

    /** The outcome: how many events were checked and, if any, the first broken one. */
    public record Verification(boolean intact, long eventsChecked, Long firstBrokenSeq, String reason, long eventsRecorded) {
    }

    private final AuditRepository repository;

    public AuditVerifier(AuditRepository repository) {
        this.repository = repository;
    }

    public Uni<Verification> verify() {
        return Uni.combine().all().unis(repository.head(), repository.archivedHashes()).asTuple()
                .chain(t -> repository.chainPage(0L, 1).chain(first -> {
                    if (first.isEmpty()) {
                        return walk(t.getItem1(), 0L, "", 0L);
                    }
                    // Events before the oldest kept one may have been archived: the chain then continues from
                    // the hash a checkpoint sealed; otherwise it must start from the empty hash.
                    String start = first.get(0).prevHash();
                    String expected = start.isEmpty() || t.getItem2().contains(start) ? start : "";
                    return walk(t.getItem1(), 0L, expected, 0L);
                }));
    }

    private Uni<Verification> walk(AuditRepository.ChainHead head, long afterSeq, String expectedPrev, long checked) {
        return repository.chainPage(afterSeq, PAGE).chain(page -> {
            String prev = expectedPrev;
            long count = checked;
            for (AuditRepository.StoredEvent stored : page) {
                if (!stored.prevHash().equals(prev)) {
                    return done(false, count, stored.seq(), "link broken: the event before it was removed, added or"
                            + " reordered", head);
                }
                if (!AuditHash.of(prev, stored.event()).equals(stored.hash())) {
                    return done(false, count, stored.seq(), "content changed after it was written", head);
                }
                prev = stored.hash();
                count++;
            }
            if (page.size() == PAGE) {
                return walk(head, page.get(page.size() - 1).seq(), prev, count);
            }
            if (!prev.equals(head.lastHash())) {
                long lastSeq = page.isEmpty() ? afterSeq : page.get(page.size() - 1).seq();
                return done(false, count, lastSeq, "the chain ends before its recorded head: events at the end"
                        + " were removed", head);
            }
            return done(true, count, null, null, head);
        });
    }

    private static Uni<Verification> done(boolean intact, long checked, Long seq, String reason,
                                          AuditRepository.ChainHead head) {
        return Uni.createFrom().item(new Verification(intact, checked, seq, reason, head.events()));
    }
}
