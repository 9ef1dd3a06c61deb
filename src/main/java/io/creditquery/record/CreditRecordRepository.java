package io.creditquery.record;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class CreditRecordRepository implements PanacheRepository<CreditRecord> {

    /** Number of publicly visible records per category, in category order. */
    public Uni<Map<String, Long>> publicCountsByCategory(long subjectId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select r.category, count(r) from CreditRecord r where r.subjectId = :subject and "
                                + PublicVisibility.RECORD_HQL + " group by r.category order by r.category",
                        Object[].class)
                .setParameter("subject", subjectId)
                .getResultList())
                .map(CreditRecordRepository::toMap);
    }

    /**
     * One page of a subject's public records, newest decision first; {@code after} is the (decision date, id) of
     * the last record of the previous page, or null for the first page.
     */
    public Uni<List<CreditRecord>> publicPage(long subjectId, RecordCategory category, LocalDate afterDate, Long afterId,
                                              int size) {
        StringBuilder hql = new StringBuilder("from CreditRecord r where r.subjectId = :subject and ")
                .append(PublicVisibility.RECORD_HQL);
        Parameters params = Parameters.with("subject", subjectId);
        if (category != null) {
            hql.append(" and r.category = :category");
            params.and("category", category.name());
        }
        if (afterDate != null) {
            hql.append(" and (r.decisionDate < :date or (r.decisionDate = :date and r.id < :id))");
            params.and("date", afterDate).and("id", afterId);
        }
        hql.append(" order by r.decisionDate desc, r.id desc");
        return find(hql.toString(), params).page(0, size).list();
    }

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
