package io.creditquery.record;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
