package io.creditquery.ingest;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.security.Scopes;
import io.creditquery.security.Caller;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** NDJSON bulk upserts by departments holding the ingest scope. */
@Path("/api/v1/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    public static final String NDJSON = "application/x-ndjson";

    private final IngestService service;
    private final AuditContext audit;
    private final CurrentCaller callers;

    public IngestResource(IngestService service, AuditContext audit, CurrentCaller callers) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
    }

    /**
     * 200 with a per-line report when at least one line was accepted (the rejected ones are listed); 422 problem
     * when none was.
     */
    @POST
    @Path("/{kind}")
    @Consumes({NDJSON, "application/ndjson"})
    @RolesAllowed({Scopes.INGEST, Scopes.INGEST_ALL})
    public Uni<Response> ingest(@PathParam("kind") String kindPath, String body) {
        IngestKind kind = IngestKind.fromPath(kindPath).orElseThrow(() -> ProblemException.badRequest("kind",
                "must be one of subjects, records, list-entries"));
        audit.query("kind", kind.path());
        return service.ingest(kind, body, callerDepartment(callers.get())).map(report -> {
            audit.query("lines", report.lines()).query("accepted", report.accepted())
                    .query("changedSubjects", report.changedSubjects());
            if (report.accepted() == 0) {
                throw ProblemException.unprocessable("no-line-accepted",
                        "all " + report.lines() + " lines were rejected; nothing was written",
                        IngestService.asFieldErrors(report.errors()));
            }
            return Response.ok(report).build();
        });
    }

    /**
     * Departments file their own data; the ingest:all scope (data-exchange hub, ops) files for any department
     * (null here).
     */
    static String callerDepartment(Caller caller) {
        return caller.has(Scopes.INGEST_ALL) ? null : caller.requireDepartment("departments file their own data");
    }
}
