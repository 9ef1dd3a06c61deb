package io.creditquery.subject;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ETags;
import io.creditquery.common.JsonText;
import io.creditquery.common.QueryParams;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.CallerView;
import io.creditquery.verification.PastDate;
import io.creditquery.security.CurrentCaller;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordPage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {


    private final SubjectService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;
    private final JsonText json;

    public SubjectResource(SubjectService service, AuditContext audit, CurrentCaller callers,
                           AccessPolicy policy, JsonText json) {
        this.json = json;
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    private Uni<CallerView> caller() {
        return Uni.createFrom().item(callers::get).map(policy::view);
    }

    /**
     * Profile by USCC, citizen ID (masked in the answer), old registration number or organisation code; record
     * counts as the caller may see them. With {@code asOf} (and optionally {@code knownAt}): the profile of that date.
     */
    @GET
    @Path("/{code}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectProfile.class)))
    public Uni<RestResponse<String>> profile(@PathParam("code") String code,
                                             @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt,
                                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        PastDate past = PastDate.of(asOf, knownAt, OffsetDateTime.now());
        audit.code(code).query("asOf", asOf).query("knownAt", knownAt);
        return caller().chain(view -> past == null ? service.profile(code, view) : service.profileAsOf(code, view, past))
                .invoke(profile -> audit.subject(profile.subjectKey()))
                .map(profile -> conditional(profile.json(), ifNoneMatch));
    }

    /** Records of a subject as the caller may see them (see AccessPolicy), newest first, by category, cursor paged. */
    @GET
    @Path("/{code}/records")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordPage.class)))
    public Uni<RestResponse<String>> records(@PathParam("code") String code,
                                             @QueryParam("category") String category, @QueryParam("size") String size,
                                             @QueryParam("cursor") String cursor,
                                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        audit.code(code).query("category", category);
        RecordCategory in = QueryParams.enumValue("category", category, RecordCategory.class);
        int pageSize = QueryParams.size("size", size, 20, 100);
        String position = QueryParams.text("cursor", cursor, false, 512);
        return caller().chain(view -> service.records(code, view, in, pageSize, position))
                .invoke(result -> audit.subject(result.subjectKey()))
                .map(result -> conditional(json.write(result.page()), ifNoneMatch));
    }

    /** 304 without a body when the client's tag is current; otherwise the answer with its ETag. */
    private static RestResponse<String> conditional(String body, String ifNoneMatch) {
        String etag = ETags.of(body);
        return ETags.matches(ifNoneMatch, etag)
                ? RestResponse.ResponseBuilder.<String>notModified().header("ETag", etag).build()
                : RestResponse.ResponseBuilder.ok(body).header("ETag", etag).build();
    }
}
