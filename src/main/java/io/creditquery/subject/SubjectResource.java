package io.creditquery.subject;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordPage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Set;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    private static final Set<String> RECORD_PARAMS = Set.of("category", "size", "cursor");

    private final SubjectService service;
    private final AuditContext audit;

    public SubjectResource(SubjectService service, AuditContext audit) {
        this.service = service;
        this.audit = audit;
    }

    /** Profile by USCC, citizen ID (masked in the answer), old registration number or organisation code. */
    @GET
    @Path("/{code}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectProfile.class)))
    public Uni<RestResponse<String>> profile(@PathParam("code") String code) {
        audit.code(code);
        return service.publicProfile(code)
                .invoke(profile -> audit.subject(profile.subjectKey()))
                .map(profile -> RestResponse.ok(profile.json()));
    }

    /** Public records of a subject, newest first, by category, cursor paged. */
    @GET
    @Path("/{code}/records")
    public Uni<RecordPage> records(@Context UriInfo uri, @PathParam("code") String code,
                                   @QueryParam("category") String category, @QueryParam("size") String size,
                                   @QueryParam("cursor") String cursor) {
        QueryParams.rejectUnknown(uri, RECORD_PARAMS);
        audit.code(code).query("category", category);
        return service.publicRecords(code, QueryParams.enumValue("category", category, RecordCategory.class),
                        QueryParams.size("size", size, 20, 100), QueryParams.text("cursor", cursor, false, 512))
                .invoke(result -> audit.subject(result.subjectKey()))
                .map(SubjectService.SubjectRecords::page);
    }
}
