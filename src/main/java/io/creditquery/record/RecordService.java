package io.creditquery.record;

import io.creditquery.common.Cursors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** Pages of a subject's records, keyset-paged by (decision date, id) with signed cursors. */
@ApplicationScoped
public class RecordService {

    private final CreditRecordRepository records;
    private final Cursors cursors;
    private final DepartmentNames departments;

    public RecordService(CreditRecordRepository records, Cursors cursors, DepartmentNames departments) {
        this.departments = departments;
        this.records = records;
        this.cursors = cursors;
    }

    /** Must run inside a Hibernate Reactive session (the caller's). The cursor is bound to the view too. */
    public Uni<RecordPage> page(long subjectId, String subjectKey, RecordAccess access, RecordCategory category, int size,
                                String cursor) {
        String query = subjectKey + "|" + access.hql() + "|" + category + "|" + size;
        After after = cursors.position(query, cursor, 2,
                values -> new After(LocalDate.parse(values.get(0)), Long.parseLong(values.get(1))));
        return records.page(subjectId, access, category, after == null ? null : after.decisionDate(),
                        after == null ? null : after.id(), size)
                .map(page -> new RecordPage(page.stream().map(r -> RecordPage.RecordView.of(r, departments)).toList(),
                        cursors.next(query, page, size, last -> List.of(last.decisionDate.toString(), last.id.toString()))));
    }

    /** Where a page of records starts: after this one, newest decision first. */
    private record After(LocalDate decisionDate, long id) {
    }
}
