package io.creditquery.subject;

import io.creditquery.record.RecordPage;
import io.creditquery.common.JsonText;
import io.creditquery.audit.AuditContext;
import io.creditquery.common.Problem;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.security.AccessPolicy;
import io.creditquery.security.CallerView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.Set;

/**
 * 信用主体自身免费查询: a credit subject's own token (no {@code dept}; {@code sub} = its USCC or citizen ID) sees
 * everything recorded about itself, archived records included, and who looked it up.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private static final Set<String> PAGE_PARAMS = Set.of("size", "cursor");

    /** The subject's own view: its profile and a page of all its records. */
    public record Me(Object profile, RecordPage records) {
    }

    private final SubjectService subjects;
    private final SelfQueryRepository queries;
    private final AuditContext audit;
    private final CurrentIdentityAssociation identities;
    private final AccessPolicy policy;
    private final JsonText json;

    public MeResource(SubjectService subjects, SelfQueryRepository queries, AuditContext audit,
                      CurrentIdentityAssociation identities, AccessPolicy policy, JsonText json) {
        this.subjects = subjects;
        this.queries = queries;
        this.audit = audit;
        this.identities = identities;
        this.policy = policy;
        this.json = json;
    }

    @GET
    public Uni<Me> me(@Context UriInfo uri, @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        QueryParams.rejectUnknown(uri, PAGE_PARAMS);
        int pageSize = QueryParams.size("size", size, 100, 500);
        String position = QueryParams.text("cursor", cursor, false, 512);
        return self().chain(view -> subjects.profileOfKey(view.subjectKey(), view)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no credit subject is recorded for this token"))
                .chain(profile -> subjects.recordsOfKey(view.subjectKey(), view, null, pageSize, position)
                        .map(records -> new Me(json.read(profile.json(), Object.class), records.page())))
                .invoke(() -> audit.subject(view.subjectKey())));
    }

    /** Who looked this subject up: when, which department or agency, for what; no personal data of officials. */
    @GET
    @Path("/queries")
    public Uni<SelfQueryRepository.Page> queries(@Context UriInfo uri, @QueryParam("size") String size,
                                                 @QueryParam("cursor") String cursor) {
        QueryParams.rejectUnknown(uri, PAGE_PARAMS);
        int pageSize = QueryParams.size("size", size, 50, 200);
        String position = QueryParams.text("cursor", cursor, false, 64);
        return self().chain(view -> {
            audit.subject(view.subjectKey());
            return queries.lookupsOf(view.subjectKey(), position, pageSize);
        });
    }

    private Uni<CallerView> self() {
        return identities.getDeferredIdentity().map(policy::view).invoke(view -> {
            if (view.kind() != CallerView.Kind.SELF) {
                throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                        "only a credit subject's own token (sub = its USCC or citizen ID, no dept) may read /me", null));
            }
        });
    }
}
