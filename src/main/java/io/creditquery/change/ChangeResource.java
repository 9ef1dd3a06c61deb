package io.creditquery.change;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change feed: subjects changed, in a resumable order, for partners' local mirrors. Long-poll with {@code wait}:
 * an empty page is held up to that many seconds until something changes.
 */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.CHANGES)
public class ChangeResource {

    /** A page of changes and the position to resume from (the given one when the page is empty). */
    public record ChangePage(List<Change> items, String next) {
    }

    private static final Pattern POSITION = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})");
    private static final Duration POLL = Duration.ofMillis(250);

    private final ChangeRepository changes;
    private final AuditContext audit;

    public ChangeResource(ChangeRepository changes, AuditContext audit) {
        this.changes = changes;
        this.audit = audit;
    }

    @GET
    public Uni<ChangePage> changes(@QueryParam("since") String since,
                                   @QueryParam("size") String size, @QueryParam("wait") String wait) {
        String from = QueryParams.text("since", since, false, 40);
        long xid = 0;
        long seq = 0;
        if (from != null) {
            Matcher m = POSITION.matcher(from);
            if (!m.matches()) {
                throw ProblemException.badRequest("since", "is not a position this feed gave (the 'next' of a page)");
            }
            xid = Long.parseLong(m.group(1));
            seq = Long.parseLong(m.group(2));
        }
        int pageSize = QueryParams.size("size", size, 500, 5000);
        int waitSeconds = QueryParams.wholeNumber("wait", wait, 0, 0, 30);
        audit.query("since", from).query("wait", waitSeconds);
        String start = from == null ? ChangeRepository.position(0, 0) : from;
        return poll(xid, seq, pageSize, Instant.now().plusSeconds(waitSeconds))
                .map(items -> new ChangePage(items, items.isEmpty() ? start : items.get(items.size() - 1).position()));
    }

    private Uni<List<Change>> poll(long xid, long seq, int size, Instant deadline) {
        return changes.after(xid, seq, size).chain(items -> items.isEmpty() && Instant.now().isBefore(deadline)
                ? Uni.createFrom().voidItem().onItem().delayIt().by(POLL).chain(() -> poll(xid, seq, size, deadline))
                : Uni.createFrom().item(items));
    }
}
