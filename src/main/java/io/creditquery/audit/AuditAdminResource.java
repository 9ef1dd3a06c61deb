package io.creditquery.audit;

import io.creditquery.common.Cursors;
import io.creditquery.common.QueryParams;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.receipt.Receipt;
import io.creditquery.receipt.ReceiptSigner;
import io.creditquery.security.PersonalIds;
import io.creditquery.security.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Audit search and chain verification for auditors (admin scope). Reading the audit log is itself audited. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
public class AuditAdminResource {

    /** One page of events, newest first. */
    public record AuditPage(List<AuditRepository.StoredEvent> items, String nextCursor) {
    }

    private final AuditRepository repository;
    private final AuditVerifier verifier;
    private final AuditContext audit;
    private final Cursors cursors;
    private final PersonalIds personalIds;
    private final ReceiptSigner signer;

    public AuditAdminResource(AuditRepository repository, AuditVerifier verifier, AuditContext audit, Cursors cursors,
                              PersonalIds personalIds, ReceiptSigner signer) {
        this.signer = signer;
        this.repository = repository;
        this.verifier = verifier;
        this.audit = audit;
        this.cursors = cursors;
        this.personalIds = personalIds;
    }

    @GET
    public Uni<AuditPage> search(@QueryParam("subject") String subject,
                                 @QueryParam("actor") String actor, @QueryParam("department") String department,
                                 @QueryParam("apiKey") String apiKey, @QueryParam("endpoint") String endpoint,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        String endpointPath = QueryParams.text("endpoint", endpoint, false, 300);
        AuditRepository.Filter filter = new AuditRepository.Filter(
                subjectKey(QueryParams.text("subject", subject, false, 64)), QueryParams.text("actor", actor, false, 200),
                QueryParams.text("department", department, false, 64), QueryParams.text("apiKey", apiKey, false, 64),
                endpointPath == null ? null : PersonalIds.redactPath(endpointPath), QueryParams.dateTime("from", from), QueryParams.dateTime("to", to));
        QueryParams.orderedRange(filter.from(), filter.to());
        int pageSize = QueryParams.size("size", size, 50, 500);
        String canonical = filter + "|" + pageSize;
        Long before = cursors.position(canonical, QueryParams.text("cursor", cursor, false, 512), 1,
                position -> Long.parseLong(position.get(0)));
        audit.query("filter", canonical);
        return repository.search(filter, before, pageSize).map(items -> new AuditPage(items,
                cursors.next(canonical, items, pageSize, last -> List.of(Long.toString(last.seq())))));
    }

    /** Signed checkpoints, oldest first, and where the next page starts (null at the end). */
    public record CheckpointExport(List<Receipt> items, Integer nextAfter) {
    }

    /**
     * The chain's checkpoints for keeping off the database: each signed with the platform's receipt key, so a copy
     * can be checked offline with the public key (GET /api/v1/receipts/key) and later compared with the live chain.
     */
    @GET
    @Path("/checkpoints")
    public Uni<CheckpointExport> checkpoints(@QueryParam("after") String after, @QueryParam("size") String size) {
        int afterId = QueryParams.wholeNumber("after", after, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.size("size", size, 500, 5_000);
        audit.query("action", "export-checkpoints").query("after", Integer.toString(afterId));
        return repository.checkpoints(afterId, pageSize).map(page -> new CheckpointExport(
                page.stream().map(c -> signer.sign(Map.of("type", "audit-checkpoint", "checkpoint", c.id(),
                        "seq", c.lastSeq(), "hash", c.lastHash(), "events", c.events(),
                        "takenAt", c.takenAt().toString()))).toList(),
                page.size() == pageSize ? (int) page.get(page.size() - 1).id() : null));
    }

    /** Walks the whole chain and reports the first broken link, if any. */
    @GET
    @Path("/verify")
    public Uni<AuditVerifier.Verification> verify() {
        audit.query("action", "verify");
        return verifier.verify();
    }

    /** Events name subjects by key: a citizen ID is searched by its keyed hash, and never kept in clear. */
    private String subjectKey(String subject) {
        if (subject == null) {
            return null;
        }
        CodeCheck check = CodeValidator.check(subject);
        return check.valid() && check.kind() == CodeKind.CITIZEN_ID ? personalIds.keyOf(check) : subject;
    }
}
