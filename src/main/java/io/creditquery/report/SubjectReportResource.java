package io.creditquery.report;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.security.AccessPolicy;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Set;

/** A subject's credit report (信用报告), as the caller may see the subject: PDF by default, JSON with format=json. */
@Path("/api/v1/subjects/{code}/report")
public class SubjectReportResource {

    private final ReportService service;
    private final AuditContext audit;
    private final CurrentIdentityAssociation identities;
    private final AccessPolicy policy;

    public SubjectReportResource(ReportService service, AuditContext audit, CurrentIdentityAssociation identities,
                                 AccessPolicy policy) {
        this.service = service;
        this.audit = audit;
        this.identities = identities;
        this.policy = policy;
    }

    /** Every report is numbered and stored with the SHA-256 of its content before it is returned (X-Report-* headers). */
    @GET
    public Uni<RestResponse<Buffer>> report(@Context UriInfo uri, @PathParam("code") String code,
                                            @QueryParam("format") String format) {
        QueryParams.rejectUnknown(uri, Set.of("format"));
        String as = format == null || format.isBlank() ? "pdf" : format.strip();
        if (!as.equals("pdf") && !as.equals("json")) {
            throw ProblemException.badRequest("format", "'" + as + "' is not one of pdf, json");
        }
        audit.code(code).query("format", as);
        return identities.getDeferredIdentity()
                .chain(identity -> service.issue(code, policy.view(identity),
                        identity.isAnonymous() ? null : identity.getPrincipal().getName()))
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
