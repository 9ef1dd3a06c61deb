package io.creditquery.watch;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.Responses;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Scopes;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Watchlists (失信预警) of a department (shared by its clerks) or of a partner's API key, with scope {@code watch}. */
@Path("/api/v1/watchlists")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.WATCH)
public class WatchResource {

    /** Events after {@code after}; {@code next} is the {@code after} of the next call (resumable). */
    public record EventPage(List<WatchEvent> items, long next) {
    }

    /** Subjects to add to a watchlist. */
    public record Codes(List<String> codes) {
    }

    private final WatchService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;

    public WatchResource(WatchService service, AuditContext audit, CurrentCaller callers, AccessPolicy policy) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    /** 201; the answer holds the webhook secret, shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<WatchlistView>> create(WatchlistRequest request) {
        audit.query("codes", request == null || request.codes() == null ? 0 : request.codes().size());
        return service.create(request, owner(), policy.seesEveryNaturalPerson(callers.get()))
                .invoke(view -> audit.query("watchlist", view.id()))
                .map(view -> Responses.created("/api/v1/watchlists/" + view.id(), view));
    }

    @GET
    @Path("/{id}")
    public Uni<WatchlistView> find(@PathParam("id") String id) {
        audit.query("watchlist", id);
        return service.find(id, owner());
    }

    @POST
    @Path("/{id}/subjects")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<WatchlistView> add(@PathParam("id") String id, Codes codes) {
        audit.query("watchlist", id).query("codes", codes == null || codes.codes() == null ? 0 : codes.codes().size());
        return service.add(id, codes == null ? null : codes.codes(), owner(), policy.seesEveryNaturalPerson(callers.get()));
    }

    /** New black-list entries, penalties and grade drops of the watched subjects, oldest first. */
    @GET
    @Path("/{id}/events")
    public Uni<EventPage> events(@PathParam("id") String id, @QueryParam("after") String after,
                                 @QueryParam("size") String size) {
        long from = QueryParams.wholeNumber("after", after, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.size("size", size, 100, 1000);
        audit.query("watchlist", id).query("after", from);
        return service.events(id, owner(), from, pageSize)
                .map(items -> new EventPage(items, items.isEmpty() ? from : items.get(items.size() - 1).seq()));
    }

    /** Departments share their watchlists among their clerks; an API key owns its own. */
    private String owner() {
        String owner = callers.get().owner();
        if (owner == null) {
            throw ProblemException.forbidden("watchlists belong to a department (dept claim) or to an API key");
        }
        return owner;
    }
}
