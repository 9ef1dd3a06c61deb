package io.creditquery.subject;

import io.creditquery.audit.AuditContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

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
}
