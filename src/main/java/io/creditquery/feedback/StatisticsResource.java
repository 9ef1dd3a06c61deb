package io.creditquery.feedback;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Caller;
import io.creditquery.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Usage statistics for the platform's operators and the credit office (信用办): checks, verdicts, feedback, lookups. */
@Path("/api/v1/admin/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final StatisticsService service;
    private final AuditContext audit;

    public StatisticsResource(StatisticsService service, AuditContext audit) {
        this.service = service;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Uni<Statistics> statistics(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("department") String department) {
        String dept = QueryParams.text("department", department, false, 20);
        if (dept != null && !dept.matches(Caller.DEPARTMENT_PATTERN)) {
            throw io.creditquery.common.ProblemException.badRequest("department", "must be a department code such as 370100-SCJ");
        }
        audit.query("from", from).query("to", to).query("department", dept);
        return service.statistics(QueryParams.dateTime("from", from), QueryParams.dateTime("to", to), dept);
    }
}
