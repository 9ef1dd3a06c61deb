package io.creditquery.feedback;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.security.CurrentCaller;
import io.creditquery.security.Scopes;
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

import java.util.UUID;

/** 奖惩反馈: what a checking department did with a check's answer, and the checks still waiting for it. */
@Path("/api/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService service;
    private final AuditContext audit;
    private final CurrentCaller callers;

    public FeedbackResource(FeedbackService service, AuditContext audit, CurrentCaller callers) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VERIFY)
    public Uni<Feedback> report(@PathParam("id") String id, FeedbackRequest request) {
        audit.query("verification", id).query("outcome", request == null ? null : request.outcome());
        return service.report(checkId(id), request, callers.get());
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed(Scopes.VERIFY)
    public Uni<Feedback> find(@PathParam("id") String id) {
        audit.query("verification", id);
        return service.find(checkId(id), callers.get());
    }

    /** Checks of the caller's department that named a measure and are past their feedback period without one. */
    @GET
    @Path("/feedback-overdue")
    @RolesAllowed({Scopes.VERIFY, Scopes.ADMIN})
    public Uni<FeedbackService.OverduePage> overdue(@QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.size("size", size, 50, 500);
        String position = QueryParams.text("cursor", cursor, false, 512);
        return Uni.createFrom().item(callers::get).chain(caller -> {
            audit.query("action", "feedback-overdue");
            return service.overdue(caller, caller.has(Scopes.ADMIN), position, pageSize);
        });
    }

    private static UUID checkId(String id) {
        return QueryParams.uuid("id", id, "a verification id");
    }
}
