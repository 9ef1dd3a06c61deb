package io.creditquery.verification;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.QueryParams;
import io.creditquery.list.ListType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;


/** The measures catalogue, read-only and public (the measures are published policy). */
@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {

    private final MeasureCatalogue catalogue;
    private final AuditContext audit;

    public MeasureResource(MeasureCatalogue catalogue, AuditContext audit) {
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @GET
    public MeasureCatalogue.Catalogue measures(@QueryParam("listType") String listType,
                                               @QueryParam("scenario") String scenario) {
        ListType type = QueryParams.enumValue("listType", listType, ListType.class);
        Scenario in = QueryParams.enumValue("scenario", scenario, Scenario.class);
        audit.query("listType", type).query("scenario", in);
        MeasureCatalogue.Catalogue all = catalogue.catalogue();
        return new MeasureCatalogue.Catalogue(all.version(), all.issued(), all.source(), all.scenarios(),
                all.measures().stream().filter(m -> (type == null || m.listType() == type)
                        && (in == null || m.scenario() == in)).toList());
    }
}
