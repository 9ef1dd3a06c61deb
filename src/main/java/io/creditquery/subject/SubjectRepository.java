package io.creditquery.subject;

import io.creditquery.code.CodeKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SubjectRepository implements PanacheRepository<Subject> {

    public Uni<Subject> findByKey(String subjectKey) {
        return find("subjectKey", subjectKey).firstResult();
    }

    /** Old codes (新老代码衔接): a registration number, or an organisation code embedded in the USCC. */
    public Uni<Subject> findByOldCode(CodeKind kind, String code) {
        return switch (kind) {
            case REGISTRATION_NO -> find("registrationNo", code).firstResult();
            case ORG_CODE -> find("orgCode", code).firstResult();
            default -> Uni.createFrom().nullItem();
        };
    }
}
