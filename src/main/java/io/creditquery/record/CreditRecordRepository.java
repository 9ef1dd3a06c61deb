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

    /** Number of records per category that {@code access} lets the caller see, in category order. */
    public Uni<Map<String, Long>> countsByCategory(long subjectId, RecordAccess access) {
        return getSession().chain(session -> {
            var query = session.createSelectionQuery("select r.category, count(r) from CreditRecord r"
                            + " where r.subjectId = :subject and " + access.hql() + " group by r.category order by r.category",
                    Object[].class).setParameter("subject", subjectId);
            access.parameters().forEach(query::setParameter);
            return query.getResultList();
        }).map(CreditRecordRepository::toMap);
    }

    /**
     * One page of the records of a subject that {@code access} lets the caller see, newest decision first;
     * {@code after} is the (decision date, id) of the last record of the previous page, or null for the first page.
     */
    public Uni<List<CreditRecord>> page(long subjectId, RecordAccess access, RecordCategory category,
                                        LocalDate afterDate, Long afterId, int size) {
        StringBuilder hql = new StringBuilder("from CreditRecord r where r.subjectId = :subject and (")
                .append(access.hql()).append(')');
        Parameters params = Parameters.with("subject", subjectId);
        access.addTo(params);
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
