package io.creditquery.subject;

import io.creditquery.record.RecordPage;
import io.creditquery.common.JsonText;
import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.CallerView;
import io.quarkus.security.Authenticated;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;


/**
 * 信用主体自身免费查询: a credit subject's own login (see CallerAugmentor) sees
 * everything recorded about itself, archived records included, and who looked it up.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {


    /** The subject's own view: its profile and a page of all its records. */
    public record Me(Object profile, RecordPage records) {
    }

    private final SubjectService subjects;
    private final SelfQueryService queries;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;
    private final JsonText json;

    public MeResource(SubjectService subjects, SelfQueryService queries, AuditContext audit,
                      CurrentCaller callers, AccessPolicy policy, JsonText json) {
        this.subjects = subjects;
        this.queries = queries;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
        this.json = json;
    }

    @GET
    public Uni<Me> me(@QueryParam("size") String size, @QueryParam("cursor") String cursor) {
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
    public Uni<SelfQueryService.Page> queries(@QueryParam("size") String size,
                                                 @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.size("size", size, 50, 200);
        String position = QueryParams.text("cursor", cursor, false, 64);
        return self().chain(view -> {
            audit.subject(view.subjectKey());
            return queries.lookupsOf(view.subjectKey(), position, pageSize);
        });
    }

    private Uni<CallerView> self() {
        return Uni.createFrom().item(callers::get).map(policy::view).invoke(view -> {
            if (view.kind() != CallerView.Kind.SELF) {
                throw ProblemException.forbidden("only a credit subject's own login may read /me");
            }
        });
    }
}
