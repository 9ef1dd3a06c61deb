package io.creditquery.search;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.evaluation.Grade;
import io.creditquery.list.ListKind;
import io.creditquery.list.ListType;
import io.creditquery.record.RecordCategory;
import io.creditquery.code.SubjectType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_QUERY = 100;
    static final int MAX_SIZE = 100;
    static final int MAX_SUGGESTIONS = 20;

    private final SearchService service;
    private final AuditContext audit;

    public SearchResource(SearchService service, AuditContext audit) {
        this.service = service;
        this.audit = audit;
    }

    /**
     * One-stop search (一站式查询) by name fragment, full name, USCC or its prefix, old codes, legal representative,
     * pinyin or pinyin initials; filters, facet counts (first page), highlights, cursor paging.
     */
    @GET
    @Path("/search")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResults.class)))
    public Uni<RestResponse<String>> search(@QueryParam("q") String q,
                                            @QueryParam("type") String type, @QueryParam("region") String region,
                                            @QueryParam("industry") String industry, @QueryParam("list") String list,
                                            @QueryParam("listKind") String listKind,
                                            @QueryParam("category") String category,
                                            @QueryParam("grade") String grade,
                                            @QueryParam("changedSince") String changedSince,
                                            @QueryParam("explain") String explain,
                                            @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        SearchRequest request = new SearchRequest(
                QueryParams.text("q", q, true, MAX_QUERY),
                QueryParams.enumValue("type", type, SubjectType.class),
                matching("region", region, "\\d{2}|\\d{4}|\\d{6}", "a GB/T 2260 division code or its 2- or 4-digit prefix"),
                matching("industry", industry, "[A-T](\\d{1,4})?", "a GB/T 4754 section letter or code prefix such as F51"),
                QueryParams.enumValue("list", list, ListType.class),
                QueryParams.enumValue("listKind", listKind, ListKind.class),
                QueryParams.enumValue("category", category, RecordCategory.class),
                QueryParams.enumValue("grade", grade, Grade.class),
                QueryParams.dateTime("changedSince", changedSince),
                QueryParams.flag("explain", explain),
                QueryParams.size("size", size, 20, MAX_SIZE),
                QueryParams.text("cursor", cursor, false, 512));
        audit.query("q", request.q()).query("filters", request.canonical()).query("cursor", request.cursor() != null);
        return service.search(request)
                .invoke(answer -> audit.subjects(answer.subjectKeys()))
                .map(answer -> RestResponse.ok(answer.json()));
    }

    /** Type-ahead for names, pinyin initials and code prefixes. */
    @GET
    @Path("/suggest")
    public Uni<List<Suggestion>> suggest(@QueryParam("q") String q, @QueryParam("size") String size,
                                         @QueryParam("explain") String explain) {
        String text = QueryParams.text("q", q, true, 50);
        audit.query("q", text);
        return service.suggest(text, QueryParams.size("size", size, 8, MAX_SUGGESTIONS), QueryParams.flag("explain", explain))
                .invoke(suggestions -> audit.query("returned", suggestions.size()));
    }

    private static String matching(String name, String value, String regex, String description) {
        String text = QueryParams.text(name, value, false, 16);
        if (text != null && !text.matches(regex)) {
            throw ProblemException.badRequest(name, "must be " + description);
        }
        return text;
    }
}
