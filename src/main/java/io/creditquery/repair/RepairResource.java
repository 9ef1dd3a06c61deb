package io.creditquery.repair;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.Responses;
import io.creditquery.common.QueryParams;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.CallerView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Set;

/** Credit repair (信用修复): the subject applies, the owning department decides. */
@Path("/api/v1/repairs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RepairResource {

    private final RepairService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;

    public RepairResource(RepairService service, AuditContext audit, CurrentCaller callers, AccessPolicy policy) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    /** 201 with the application; 422 names the rule that makes the record or entry not (yet) repairable. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<RepairView>> apply(RepairRequest request) {
        if (request != null) {
            audit.query("recordId", request.recordId()).query("listEntryId", request.listEntryId());
        }
        Caller who = callers.get();
        CallerView caller = policy.view(who);
        return service.apply(request, caller, who.actorId())
                .invoke(view -> audit.query("repair", view.id()).subject(caller.subjectKey()))
                .map(view -> Responses.created("/api/v1/repairs/" + view.id(), view));
    }

    @GET
    @Path("/{id}")
    public Uni<RepairView> find(@PathParam("id") String id) {
        audit.query("repair", id);
        Caller caller = callers.get();
        return service.find(id, caller.department(), policy.view(caller).subjectKey());
    }

    /** APPROVE or REJECT, by the department that owns the record or list entry. */
    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.REPAIR_HANDLE)
    public Uni<RepairView> decide(@PathParam("id") String id, RepairDecision decision) {
        audit.query("repair", id).query("decision", decision == null ? null : decision.decision());
        Caller caller = callers.get();
        return service.decide(id, decision, caller.requireDepartment("repairs are decided by departments"),
                caller.actorId());
    }

    /** A department's applications (with {@code repair:handle}), or the calling subject's own, oldest first. */
    @GET
    public Uni<List<RepairView>> list(@QueryParam("status") String status,
                                      @QueryParam("size") String size) {
        String state = QueryParams.text("status", status, false, 20);
        if (state != null && !Set.of("PENDING", "APPROVED", "REJECTED").contains(state)) {
            throw ProblemException.badRequest("status", "'" + state + "' is not one of PENDING, APPROVED, REJECTED");
        }
        int pageSize = QueryParams.size("size", size, 50, 200);
        audit.query("status", state);
        Caller caller = callers.get();
        String department = caller.has(Scopes.REPAIR_HANDLE) ? caller.department() : null;
        String subjectKey = policy.view(caller).subjectKey();
        if (department == null && subjectKey == null) {
            throw ProblemException.forbidden("repair applications are listed for their department (scope "
                    + Scopes.REPAIR_HANDLE + ") or for the subject itself");
        }
        return service.list(department, department == null ? subjectKey : null, state, pageSize);
    }
}
