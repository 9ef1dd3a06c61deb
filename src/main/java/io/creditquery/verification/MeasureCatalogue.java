package io.creditquery.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.Catalogues;
import io.creditquery.list.ListType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The joint reward and punishment measures (联合奖惩措施清单), kept as data in catalogue/measures.json and loaded
 * once at start; an unknown list type, scenario or measure in the file stops the start-up.
 */
@ApplicationScoped
public class MeasureCatalogue {

    private static final String FILE = "catalogue/measures.json";

    /** The file's content. */
    public record Catalogue(String version, String issued, String source, List<ScenarioLabel> scenarios,
                            List<Measure> measures) {
    }

    public record ScenarioLabel(Scenario code, String label) {
    }

    private final Catalogue catalogue;
    private final Map<ListType, Map<Scenario, Measure>> index = new EnumMap<>(ListType.class);

    public MeasureCatalogue(ObjectMapper json) {
        this.catalogue = Catalogues.load(json, FILE, Catalogue.class);
        for (Measure m : catalogue.measures()) {
            index.computeIfAbsent(m.listType(), t -> new EnumMap<>(Scenario.class)).put(m.scenario(), m);
        }
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Optional<Measure> measure(ListType listType, Scenario scenario) {
        return Optional.ofNullable(index.getOrDefault(listType, Map.of()).get(scenario));
    }
}
