package io.creditquery.job;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.common.Responses;
import io.creditquery.common.QueryParams;
import io.creditquery.security.Scopes;
import io.creditquery.security.Caller;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Asynchronous bulk credit checks for departments and agencies with the verify scope. */
@Path("/api/v1/verification-jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.VERIFY)
public class JobResource {

    static final String NDJSON = "application/x-ndjson";

    private final JobService service;
    private final AuditContext audit;
    private final CurrentCaller callers;
    private final AccessPolicy policy;

    public JobResource(JobService service, AuditContext audit, CurrentCaller callers, AccessPolicy policy) {
        this.service = service;
        this.audit = audit;
        this.callers = callers;
        this.policy = policy;
    }

    /** {"scenario", "purpose", "codes": [...]}; 201 with the job, or 200 with the earlier job of the same Idempotency-Key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<JobView>> submit(JobRequest request, @HeaderParam("Idempotency-Key") String key) {
        return submitted(request, key);
    }

    /** A CSV (or plain list) of codes, the first column of each line; scenario and purpose as query parameters. */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<RestResponse<JobView>> submitCsv(String body, @QueryParam("scenario") String scenario,
                                                @QueryParam("purpose") String purpose,
                                                @QueryParam("webhookUrl") String webhookUrl,
                                                @HeaderParam("Idempotency-Key") String key) {
        return submitted(new JobRequest(scenario, purpose, firstColumn(body), webhookUrl), key);
    }

    @GET
    @Path("/{id}")
    public Uni<JobView> find(@PathParam("id") String id) {
        audit.query("job", id);
        return service.find(id, owner());
    }

    /**
     * Answers as NDJSON, one per code in input order, after position {@code after} (default: from the start);
     * {@code X-Next-After} is where to resume. Answers appear as the job advances; poll until the job is DONE.
     */
    @GET
    @Path("/{id}/results")
    @Produces(NDJSON)
    public Uni<RestResponse<String>> results(@PathParam("id") String id,
                                             @QueryParam("after") String after, @QueryParam("size") String size) {
        int from = QueryParams.wholeNumber("after", after, -1, -1, Integer.MAX_VALUE);
        int pageSize = QueryParams.size("size", size, 10_000, 100_000);
        audit.query("job", id).query("after", from);
        return service.answers(id, owner(), from, pageSize).map(answers -> RestResponse.ResponseBuilder
                .ok(answers.stream().map(a -> a.json() + "\n").collect(Collectors.joining()), NDJSON)
                .header("X-Next-After", answers.isEmpty() ? from : answers.get(answers.size() - 1).index())
                .build());
    }

    private Uni<RestResponse<JobView>> submitted(JobRequest request, String key) {
        audit.query("scenario", request == null ? null : request.scenario())
                .query("codes", request == null || request.codes() == null ? 0 : request.codes().size());
        Caller caller = callers.get();
        return service.submit(request, owner(), caller.actorId(), caller.department(), policy.seesEveryNaturalPerson(caller), key)
                .invoke(submitted -> audit.query("job", submitted.job().id()))
                .map(submitted -> submitted.created()
                        ? Responses.created("/api/v1/verification-jobs/" + submitted.job().id(), submitted.job())
                        : RestResponse.ok(submitted.job()));
    }

    private String owner() {
        String owner = callers.get().owner();
        if (owner == null) {
            throw ProblemException.forbidden("verification jobs belong to a department (dept claim) or an API key");
        }
        return owner;
    }

    /** First cell of each non-empty line; a header line naming the column is skipped. */
    static List<String> firstColumn(String body) {
        List<String> codes = new ArrayList<>();
        if (body == null) {
            return codes;
        }
        body.lines().forEach(line -> {
            String cell = line.split("[,\t;]", 2)[0].strip().replace("\"", "").replace("\uFEFF", "");
            if (!cell.isEmpty()) {
                codes.add(cell);
            }
        });
        if (!codes.isEmpty() && Set.of("code", "uscc", "统一社会信用代码", "代码").contains(codes.get(0).toLowerCase(Locale.ROOT))) {
            codes.remove(0);
        }
        return codes;
    }
}
