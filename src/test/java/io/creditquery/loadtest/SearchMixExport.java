package io.creditquery.loadtest;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.search.ChineseText;
import io.creditquery.search.SearchRequest;
import io.creditquery.search.SearchService;

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

    /** The service's default credit.search.facet-sample: the service on the bench runs with its defaults. */
    private static final int FACET_SAMPLE = 10_000;

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
                SearchRequest request = new SearchRequest(q, null, null, null, null, null, null, null, null, false, 20, null);
                paths.println("/api/v1/search?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                // The body without the index: the benchmark posts it to /{alias}/_search.
                String body = JsonpUtils.toJsonString(SearchService.elasticsearchRequest("unused", request, null,
                        FACET_SAMPLE), mapper);
                bodies.println(body);
                written++;
            }
        }
    }
}
