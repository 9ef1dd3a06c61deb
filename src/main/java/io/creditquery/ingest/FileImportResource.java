package io.creditquery.ingest;

import io.creditquery.common.QueryParams;
import io.creditquery.audit.AuditContext;
import io.creditquery.common.ProblemException;
import io.creditquery.security.Caller;
import io.creditquery.security.Scopes;
import io.creditquery.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.UUID;

/**
 * 双公示 template files (行政处罚 / 行政许可, CSV or XLSX) as departments fill them in: upload, then the import
 * report and an annotated copy of the refused rows to fix and upload again.
 */
@Path("/api/v1/ingest/files")
@RolesAllowed({Scopes.INGEST, Scopes.INGEST_ALL})
public class FileImportResource {

    private final FileImportService service;
    private final FileImportRepository files;
    private final AuditContext audit;
    private final CurrentCaller callers;

    public FileImportResource(FileImportService service, FileImportRepository files, AuditContext audit,
                              CurrentCaller callers) {
        this.service = service;
        this.files = files;
        this.audit = audit;
        this.callers = callers;
    }

    /**
     * 201 with the import report (accepted rows are committed before the answer); a file that is not a readable
     * template is a 422 problem and nothing is written.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public Uni<RestResponse<String>> upload(@RestForm("file") FileUpload file, @RestForm String template,
                                                  @RestForm String department, @RestForm String encoding) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("file", "is required: a multipart part named file with the CSV or XLSX");
        }
        String filing = filingDepartment(department);
        audit.query("file", file.fileName()).query("template", template).query("department", filing);
        return service.importFile(new FileImportService.Upload(file.uploadedFile(), file.fileName(), template, encoding,
                        filing, callers.get().actorId()))
                .map(imported -> {
                    ImportReport report = imported.report();
                    audit.query("rows", report.rows()).query("accepted", report.accepted()).query("importId", report.id());
                    // The answer is the stored report: personal IDs in rejected rows are masked in both.
                    return RestResponse.ResponseBuilder.<String>created(URI.create(report.links().report()))
                            .entity(imported.json()).build();
                });
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> report(@PathParam("id") String id) {
        return stored(id).map(FileImportRepository.StoredImport::reportJson);
    }

    @GET
    @Path("/{id}/annotated.csv")
    @Produces("text/csv; charset=UTF-8")
    public Uni<RestResponse<String>> annotated(@PathParam("id") String id) {
        return stored(id).map(stored -> RestResponse.ResponseBuilder.<String>ok(AnnotatedCsv.write(stored.header(), stored.rejected()))
                .header("Content-Disposition", "attachment; filename=\"rejected-" + id + ".csv\"").build());
    }

    private Uni<FileImportRepository.StoredImport> stored(String id) {
        UUID uuid = QueryParams.uuid("id", id, "an import id");
        audit.query("importId", id);
        String own = IngestResource.callerDepartment(callers.get());
        return files.find(uuid).map(stored -> {
            if (stored == null || (own != null && !own.equals(stored.department()))) {
                throw ProblemException.notFound("no import " + id + " of this department");
            }
            return stored;
        });
    }

    /** A department files for itself; the hub (ingest:all) names the department the file belongs to. */
    private String filingDepartment(String requested) {
        String own = IngestResource.callerDepartment(callers.get());
        String wanted = requested == null || requested.isBlank() ? null : requested.strip();
        if (own == null) {
            if (wanted == null || !wanted.matches(Caller.DEPARTMENT_PATTERN)) {
                throw ProblemException.badRequest("department",
                        "is required for ingest:all callers: the department the file belongs to, e.g. 370100-SCJ");
            }
            return wanted;
        }
        if (wanted != null && !wanted.equals(own)) {
            throw ProblemException.badRequest("department", "a department files only its own data (" + own + ")");
        }
        return own;
    }
}
