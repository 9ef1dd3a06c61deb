package io.creditquery.subject;

import io.creditquery.common.Cursors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A subject's own view of who looked it up, page by page (newest first, signed cursors bound to the subject). */
@ApplicationScoped
public class SelfQueryService {

    public record Page(List<SelfQueryRepository.Lookup> items, String nextCursor) {
    }

    private final SelfQueryRepository repository;
    private final Cursors cursors;

    public SelfQueryService(SelfQueryRepository repository, Cursors cursors) {
        this.repository = repository;
        this.cursors = cursors;
    }

    public Uni<Page> lookupsOf(String subjectKey, String cursor, int size) {
        Long before = cursors.position(subjectKey, cursor, 1, position -> Long.parseLong(position.get(0)));
        return repository.lookupsOf(subjectKey, before == null ? Long.MAX_VALUE : before, size)
                .map(seen -> new Page(seen.stream().map(SelfQueryRepository.Seen::lookup).toList(),
                        cursors.next(subjectKey, seen, size, last -> List.of(Long.toString(last.seq())))));
    }
}
