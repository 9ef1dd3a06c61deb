package io.creditquery.objection;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.Cursors;
import io.creditquery.common.ProblemException;
import io.creditquery.common.Responses;
import io.creditquery.common.QueryParams;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.Scopes;
import io.creditquery.security.Caller;
import io.creditquery.security.CurrentCaller;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Objections (异议): anyone files, the filer follows by tracking id, the owning department decides. */
@Path("/api/v1/objections")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectionResource {

    /** A page of a department's objections. */
    public record ObjectionPage(List<ObjectionView> items, String nextCursor) {
    }


    private final ObjectionService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;
    private final Cursors cursors;

    public ObjectionResource(ObjectionService service, AuditContext audit, CurrentCaller callers,
                             AccessPolicy policy, Cursors cursors) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
        this.cursors = cursors;
    }

    /** Files an objection against a record or list entry; 201 with the tracking id. Public filers give a contact. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ObjectionView>> file(ObjectionRequest request) {
        if (request != null) {
            audit.query("recordId", request.recordId()).query("listEntryId", request.listEntryId());
        }
        return Uni.createFrom().item(callers::get).chain(caller -> service.file(request, policy.view(caller),
                        caller.actorId()))
                .invoke(view -> audit.query("objection", view.trackingId()))
                .map(view -> Responses.created("/api/v1/objections/" + view.trackingId(), view));
    }

    /** Status by tracking id; the handling department also sees the filer's name and contact. */
    @GET
    @Path("/{trackingId}")
    public Uni<ObjectionView> find(@PathParam("trackingId") String trackingId) {
        audit.query("objection", trackingId);
        return Uni.createFrom().item(callers::get).chain(caller -> service.find(trackingId, handlingDepartment(caller)));
    }

    /** ACCEPT, REJECT, CORRECT or DELETE, by the department that owns the record or list entry. */
    @POST
    @Path("/{trackingId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.OBJECTION_HANDLE)
    public Uni<ObjectionView> decide(@PathParam("trackingId") String trackingId, ObjectionDecision decision) {
        audit.query("objection", trackingId).query("decision", decision == null ? null : decision.decision());
        return Uni.createFrom().item(callers::get).chain(caller -> {
            return service.decide(trackingId, decision,
                    caller.requireDepartment("objections are decided by departments"),
                    caller.actorId());
        });
    }

    /**
     * The department's objections by deadline (every department's for an auditor with the admin scope);
     * {@code overdue=true} lists those past their deadline and still open.
     */
    @GET
    @RolesAllowed({Scopes.OBJECTION_HANDLE, Scopes.ADMIN})
    public Uni<ObjectionPage> list(@QueryParam("status") String status,
                                   @QueryParam("overdue") String overdue, @QueryParam("size") String size,
                                   @QueryParam("cursor") String cursor) {
        String state = QueryParams.text("status", status, false, 20);
        if (state != null && !Set.of("FILED", "ACCEPTED", "REJECTED", "CORRECTED", "DELETED").contains(state)) {
            throw ProblemException.badRequest("status", "'" + state + "' is not one of FILED, ACCEPTED, REJECTED,"
                    + " CORRECTED, DELETED");
        }
        boolean overdueOnly = QueryParams.flag("overdue", overdue);
        int pageSize = QueryParams.size("size", size, 50, 200);
        String position = QueryParams.text("cursor", cursor, false, 512);
        audit.query("status", state).query("overdue", overdueOnly);
        return Uni.createFrom().item(callers::get).chain(caller -> {
            String department = caller.has(Scopes.ADMIN) ? null
                    : caller.requireDepartment("objection lists are per department");
            String query = department + "|" + state + "|" + overdueOnly + "|" + pageSize;
            After after = cursors.position(query, position, 2, values -> new After(LocalDate.parse(values.get(0)), values.get(1)));
            return service.list(department, state, overdueOnly, after == null ? null : after.dueOn(),
                            after == null ? null : after.trackingId(), pageSize)
                    .map(items -> new ObjectionPage(items, cursors.next(query, items, pageSize,
                            last -> List.of(last.dueOn().toString(), last.trackingId()))));
        });
    }

    private static String handlingDepartment(Caller caller) {
        return caller.has(Scopes.OBJECTION_HANDLE) ? caller.department() : null;
    }

    /** Where a page of objections starts: after this one, in due-date order. */
    private record After(LocalDate dueOn, String trackingId) {
    }
}
