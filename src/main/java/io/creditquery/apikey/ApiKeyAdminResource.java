package io.creditquery.apikey;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Partner API keys, for admins. The secret is in the answer to create and rotate, and nowhere else. */
@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
public class ApiKeyAdminResource {

    private final ApiKeyService service;
    private final AuditContext audit;

    public ApiKeyAdminResource(ApiKeyService service, AuditContext audit) {
        this.service = service;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ApiKeyService.IssuedKey>> create(ApiKeyService.KeyRequest request) {
        audit.query("action", "create");
        return service.issue(request).invoke(issued -> audit.query("apiClient", issued.client().id()))
                .map(issued -> RestResponse.status(RestResponse.Status.CREATED, issued));
    }

    @GET
    public Uni<List<ApiClient>> list() {
        audit.query("action", "list");
        return service.list();
    }

    /** A new secret; the old one keeps working for {@code graceMinutes} (default 60), then stops. */
    @POST
    @Path("/{id}/rotate")
    public Uni<ApiKeyService.IssuedKey> rotate(@PathParam("id") String id,
                                              @QueryParam("graceMinutes") String grace) {
        audit.query("action", "rotate").query("apiClient", id);
        return service.rotate(uuid(id), Duration.ofMinutes(QueryParams.wholeNumber("graceMinutes", grace, 60, 0, 10_080)));
    }

    /** Revoked at once, on every replica (keys are checked against PostgreSQL on each request). */
    @DELETE
    @Path("/{id}")
    public Uni<ApiClient> revoke(@PathParam("id") String id) {
        audit.query("action", "revoke").query("apiClient", id);
        return service.revoke(uuid(id));
    }

    private static UUID uuid(String id) {
        return QueryParams.uuid("id", id, "an API client id");
    }
}
