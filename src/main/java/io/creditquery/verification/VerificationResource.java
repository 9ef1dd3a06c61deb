package io.creditquery.verification;

import io.creditquery.common.QueryParams;
import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.security.Scopes;
import io.creditquery.security.Caller;
import io.creditquery.record.AccessPolicy;
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

import java.util.UUID;

/** Credit checks by departments and agencies holding the verify scope. */
@Path("/api/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;

    public VerificationResource(VerificationService service, AuditContext audit, CurrentCaller callers, AccessPolicy policy) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VERIFY)
    public Uni<VerificationResult> verify(VerificationRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"scenario\": …, \"codes\": […]}");
        }
        audit.query("scenario", request.scenario()).query("purpose", request.purpose())
                .query("codes", request.codes() == null ? 0 : request.codes().size());
        Caller caller = callers.get();
        if (caller.owner() == null) {
            throw ProblemException.forbidden("credit checks are made by a department (dept claim) or an API key");
        }
        return service.verify(request, caller.actorId(), caller.department(), policy.seesEveryNaturalPerson(caller))
                .invoke(checked -> audit.subjects(checked.subjectKeys()).query("verification", checked.result().id()))
                .map(VerificationService.Checked::result);
    }

    /** A past answer exactly as given; only to its own department or API key (or an auditor with the admin scope). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Scopes.VERIFY, Scopes.ADMIN})
    public Uni<VerificationResult> find(@PathParam("id") String id) {
        audit.query("verification", id);
        UUID uuid = QueryParams.uuid("id", id, "a verification id");
        Caller caller = callers.get();
        return service.find(uuid)
                .map(result -> result != null && (caller.has(Scopes.ADMIN)
                        || caller.ownsCheck(result.department(), result.checkedBy())) ? result : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no verification " + id
                        + " that this caller may read"));
    }

}
