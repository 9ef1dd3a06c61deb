package io.creditquery.commitment;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.Responses;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.Scopes;
import io.quarkus.security.Authenticated;
import io.creditquery.security.Caller;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;


/** Credit commitments (信用承诺), recorded and assessed by the department they were made to. */
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    private final CommitmentService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;

    public CommitmentResource(CommitmentService service, AuditContext audit, CurrentCaller callers,
                              AccessPolicy policy) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.COMMITMENT)
    public Uni<RestResponse<CommitmentView>> record(CommitmentRequest request) {
        audit.code(request == null || request.subjectCode() == null ? "" : request.subjectCode());
        return service.record(request, department())
                .invoke(view -> audit.query("commitment", view.id()))
                .map(view -> Responses.created("/api/v1/commitments/" + view.id(), view));
    }

    /** Kept or broken: a broken commitment lowers the subject's grade (evaluation-rules.json). */
    @POST
    @Path("/{id}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.COMMITMENT)
    public Uni<CommitmentView> assess(@PathParam("id") String id, CommitmentAssessment assessment) {
        audit.query("commitment", id);
        return service.assess(id, assessment, department());
    }

    /** For the department the commitment was made to, and for the subject itself. */
    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<CommitmentView> find(@PathParam("id") String id) {
        audit.query("commitment", id);
        Caller caller = callers.get();
        return service.find(id, caller.department(), policy.view(caller).subjectKey());
    }

    private String department() {
        return callers.get().requireDepartment("commitments are recorded by departments");
    }
}
