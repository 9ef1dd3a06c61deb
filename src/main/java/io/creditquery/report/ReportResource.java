package io.creditquery.report;

import io.creditquery.audit.AuditContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Checks an issued report by the number printed on it. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;
    private final AuditContext audit;

    public ReportResource(ReportService service, AuditContext audit) {
        this.service = service;
        this.audit = audit;
    }

    /** Who the report is about, when and for which view it was made, and the SHA-256 of its content. */
    @GET
    @Path("/{number}")
    public Uni<ReportCheck> check(@PathParam("number") String number) {
        audit.query("report", number);
        return service.check(number);
    }
}
