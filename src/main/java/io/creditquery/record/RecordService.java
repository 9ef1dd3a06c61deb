package io.creditquery.record;

import io.creditquery.common.Cursors;
import io.creditquery.common.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Pages of a subject's records, keyset-paged by (decision date, id) with signed cursors. */
@ApplicationScoped
public class RecordService {

    private final CreditRecordRepository records;
    private final Cursors cursors;

    public RecordService(CreditRecordRepository records, Cursors cursors) {
        this.records = records;
        this.cursors = cursors;
    }

    /** Must run inside a Hibernate Reactive session (the caller's). The cursor is bound to the view too. */
    public Uni<RecordPage> page(long subjectId, String subjectKey, RecordAccess access, RecordCategory category, int size,
                                String cursor) {
        String query = subjectKey + "|" + access.hql() + "|" + category + "|" + size;
        LocalDate afterDate = null;
        Long afterId = null;
        if (cursor != null) {
            List<String> position = cursors.decode(query, cursor, 2);
            try {
                afterDate = LocalDate.parse(position.get(0));
                afterId = Long.parseLong(position.get(1));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API issued for this query");
            }
        }
        return records.page(subjectId, access, category, afterDate, afterId, size).map(page -> {
            String next = null;
            if (page.size() == size) {
                CreditRecord last = page.get(page.size() - 1);
                next = cursors.encode(query, List.of(last.decisionDate.toString(), last.id.toString()));
            }
            return new RecordPage(page.stream().map(RecordPage.RecordView::of).toList(), next);
        });
    }
}
