package io.creditquery.loadtest;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.search.ChineseText;
import io.creditquery.search.SearchQueries;
import io.creditquery.search.SearchService;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the query mix of the search benchmark twice: as /api/v1/search paths, and as the exact Elasticsearch
 * request bodies the service sends for them (same query builder, size, highlight and facets), so both sides of the
 * comparison run the same queries. Mix: full names 30%, region + trade name 30%, fragments 15%, pinyin 10%,
 * initials 5%, codes 10%, over subjects of a data set of the given size.
 *   java -cp … io.creditquery.loadtest.SearchMixExport SUBJECTS QUERIES OUT_DIR
 */
public final class SearchMixExport {

    /** What SearchService adds to the first page of every search, so both sides do the same work. */
    private static final String HIGHLIGHT_AND_FACETS = "\"highlight\":{\"encoder\":\"html\",\"pre_tags\":[\"<em>\"],"
            + "\"post_tags\":[\"</em>\"],\"fields\":{\"name\":{\"number_of_fragments\":0}}},\"aggregations\":{"
            + "\"subjectType\":{\"terms\":{\"field\":\"subject_type\",\"size\":20}},"
            + "\"region\":{\"terms\":{\"field\":\"region_prefixes\",\"size\":20,\"include\":\"[0-9]{4}\"}},"
            + "\"industry\":{\"terms\":{\"field\":\"industry_code\",\"size\":20}},"
            + "\"list\":{\"terms\":{\"field\":\"list_types\",\"size\":20}},"
            + "\"category\":{\"terms\":{\"field\":\"record_categories\",\"size\":20}}}";

    private SearchMixExport() {
    }

    public static void main(String[] args) throws IOException {
        long subjects = Long.parseLong(args[0]);
        int queries = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED);
        SplittableRandom random = new SplittableRandom(7);
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        ObjectMapper json = new ObjectMapper();
        try (PrintWriter paths = new PrintWriter(Files.newBufferedWriter(out.resolve("paths.txt")));
             PrintWriter bodies = new PrintWriter(Files.newBufferedWriter(out.resolve("bodies.ndjson")))) {
            int written = 0;
            while (written < queries) {
                DemoDataGenerator.GeneratedSubject s = generator.subject(random.nextLong(subjects));
                if (s.type().equals("NATURAL_PERSON")) {
                    continue;
                }
                int roll = random.nextInt(100);
                String core = ChineseText.coreName(s.name());
                String q = roll < 30 ? s.name()
                        : roll < 60 ? ChineseText.regionPrefix(s.name()) + core
                        : roll < 75 ? core
                        : roll < 85 ? String.join("", ChineseText.pinyin(core))
                        : roll < 90 ? ChineseText.initials(ChineseText.regionPrefix(s.name()) + core)
                        : s.code();
                Query query = Query.of(root -> root.bool(bool -> {
                    bool.filter(f -> f.term(t -> t.field("public").value(true)));
                    SearchQueries.relevance(bool, q);
                    return bool;
                }));
                paths.println("/api/v1/search?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                bodies.println("{\"size\":20,\"track_total_hits\":true,\"_source\":{\"includes\":"
                        + json.writeValueAsString(SearchService.HIT_FIELDS) + "},\"sort\":[{\"_score\":\"desc\"},{\"subject_key\":\"asc\"}],"
                        + "\"query\":" + JsonpUtils.toJsonString(query, mapper) + "," + HIGHLIGHT_AND_FACETS + "}");
                written++;
            }
        }
    }
}
