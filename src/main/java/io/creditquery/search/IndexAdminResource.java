package io.creditquery.search;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
public class IndexAdminResource {

    /** Where the index stands: the alias, its physical index, and subjects waiting in the outbox. */
    public record IndexStatus(String alias, Set<String> indices, long outboxBacklog, boolean rebuildRunning) {
    }

    private final ReindexService reindex;
    private final SubjectIndex index;
    private final SearchIndexer indexer;
    private final ConsistencyCheck consistency;
    private final AuditContext audit;

    public IndexAdminResource(ReindexService reindex, SubjectIndex index, SearchIndexer indexer,
                              ConsistencyCheck consistency, AuditContext audit) {
        this.reindex = reindex;
        this.index = index;
        this.indexer = indexer;
        this.consistency = consistency;
        this.audit = audit;
    }

    @GET
    @Path("/index")
    public Uni<IndexStatus> status() {
        Uni<Set<String>> targets = index.aliasTargets().onFailure().recoverWithItem(Set.of());
        return Uni.combine().all().unis(targets, indexer.backlog()).asTuple()
                .map(t -> new IndexStatus(index.alias(), t.getItem1(), t.getItem2(), reindex.running()));
    }

    /** Index against PostgreSQL: counts and a random sample of subjects compared by version. */
    @GET
    @Path("/consistency")
    public Uni<ConsistencyCheck.Report> consistency(@QueryParam("sample") String sample) {
        int size = QueryParams.wholeNumber("sample", sample, 500, 1, 10_000);
        audit.query("action", "consistency").query("sample", size);
        return consistency.run(size);
    }

    /** Rebuilds the subjects index from PostgreSQL and swaps the alias; answers when the swap is done. */
    @POST
    @Path("/reindex")
    public Uni<ReindexService.Rebuild> rebuild() {
        audit.query("action", "rebuild");
        return reindex.rebuild();
    }
}
