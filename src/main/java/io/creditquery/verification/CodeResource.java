package io.creditquery.verification;

import io.creditquery.audit.AuditContext;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

@Path("/api/v1/codes")
@Produces(MediaType.APPLICATION_JSON)
public class CodeResource {

    private final AuditContext audit;

    public CodeResource(AuditContext audit) {
        this.audit = audit;
    }

    /** Validates a code and says what is wrong with it; 200 either way, since the answer is the verdict. */
    @GET
    @Path("/{code}")
    public CodeCheck validate(@PathParam("code") String code, @QueryParam("kind") String kind) {
        audit.code(code);
        if (kind == null || kind.isBlank()) {
            return CodeValidator.check(code);
        }
        CodeKind requested;
        try {
            requested = CodeKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            requested = CodeKind.UNKNOWN;
        }
        if (requested == CodeKind.UNKNOWN) {
            throw ProblemException.badRequest("kind", "must be one of USCC, CITIZEN_ID, REGISTRATION_NO, ORG_CODE");
        }
        return CodeValidator.check(code, requested);
    }
}
