package io.creditquery.subject;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SubjectRepository implements PanacheRepository<Subject> {

    public Uni<Subject> findByKey(String subjectKey) {
        return find("subjectKey", subjectKey).firstResult();
    }
}
