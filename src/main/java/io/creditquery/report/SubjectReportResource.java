package io.creditquery.report;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.ratelimit.RateLimits;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.Caller;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;


/** A subject's credit report (信用报告), as the caller may see the subject: PDF by default, JSON with format=json. */
@Path("/api/v1/subjects/{code}/report")
public class SubjectReportResource {

    private final ReportService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;
    private final RateLimits limits;
    private final ReportConfig config;
    private final ReportRenderer renderer;

    public SubjectReportResource(ReportService service, AuditContext audit, CurrentCaller callers,
                                 AccessPolicy policy, RateLimits limits, ReportConfig config, ReportRenderer renderer) {
        this.renderer = renderer;
        this.limits = limits;
        this.config = config;
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    /** Every report is numbered and stored with the SHA-256 of its content before it is returned (X-Report-* headers). */
    @GET
    public Uni<RestResponse<Buffer>> report(@PathParam("code") String code,
                                            @QueryParam("format") String format,
                                            @Context HttpServerRequest request) {
        if (request.method() == HttpMethod.HEAD) {
            // A HEAD would issue, number, store and render a report only to throw it away.
            throw new WebApplicationException(Response.status(405).header("Allow", "GET").build());
        }
        String as = format == null || format.isBlank() ? "pdf" : format.strip();
        if (!as.equals("pdf") && !as.equals("json")) {
            throw ProblemException.badRequest("format", "'" + as + "' is not one of pdf, json");
        }
        audit.code(code).query("format", as);
        if (as.equals("pdf")) {
            renderer.requireRoom();
        }
        return Uni.createFrom().item(callers::get)
                .call(caller -> limits.anonymousLimit(caller, "report", config.anonymousPerMinute()))
                .chain(caller -> service.issue(code, policy.view(caller), caller.actorId(),
                        caller.kind() == Caller.Kind.ANONYMOUS))
                .invoke(issued -> audit.subject(issued.subjectKey()).query("report", issued.report().number()))
                .chain(issued -> {
                    Uni<RestResponse.ResponseBuilder<Buffer>> body = as.equals("json")
                            ? Uni.createFrom().item(RestResponse.ResponseBuilder.ok(Buffer.buffer(issued.json()),
                                    "application/json"))
                            : service.pdf(issued).map(bytes -> RestResponse.ResponseBuilder.ok(Buffer.buffer(bytes),
                                    "application/pdf")
                                    .header("Content-Disposition", "attachment; filename=\"credit-report-"
                                            + issued.report().number() + ".pdf\""));
                    return body.map(builder -> builder.header("X-Report-Number", issued.report().number())
                            .header("X-Report-SHA256", issued.sha256()).build());
                });
    }
}
