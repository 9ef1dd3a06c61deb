package io.creditquery.record;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * 双公示 timeliness (the seeds require publication within 7 days of the decision): per department, how many
 * records were received late, and the late submissions themselves.
 */
@Path("/api/v1/admin/reports/timeliness")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
public class TimelinessResource {


    /** The report: the window it covers, the rule applied, and the figures. */
    public record TimelinessReport(OffsetDateTime from, OffsetDateTime to, int allowedDays,
                                   List<TimelinessRepository.DepartmentTimeliness> departments,
                                   List<TimelinessRepository.LateSubmission> lateSubmissions) {
    }

    private final TimelinessRepository repository;
    private final AuditContext audit;

    public TimelinessResource(TimelinessRepository repository, AuditContext audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @GET
    public Uni<TimelinessReport> report(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("department") String department,
                                        @QueryParam("allowedDays") String allowedDays, @QueryParam("size") String size) {
        OffsetDateTime end = QueryParams.dateTime("to", to);
        end = end != null ? end : OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = QueryParams.dateTime("from", from);
        start = start != null ? start : end.minusDays(30);
        QueryParams.orderedRange(start, end);
        String dept = QueryParams.text("department", department, false, 32);
        int days = QueryParams.wholeNumber("allowedDays", allowedDays, 7, 0, 365);
        int listed = QueryParams.size("size", size, 100, 1000);
        audit.query("from", start).query("to", end).query("department", dept).query("allowedDays", days);
        OffsetDateTime windowStart = start;
        OffsetDateTime windowEnd = end;
        return Uni.combine().all().unis(repository.byDepartment(start, end, dept, days),
                        repository.late(start, end, dept, days, listed)).asTuple()
                .map(t -> new TimelinessReport(windowStart, windowEnd, days, t.getItem1(), t.getItem2()));
    }
}
