package io.creditquery.search;

import io.creditquery.code.AdministrativeDivisions;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.SamplerAggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.util.NamedValue;
import io.creditquery.common.Cursors;
import io.creditquery.common.JsonText;
import io.creditquery.common.ProblemException;
import io.creditquery.common.VertxContexts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One-stop search and type-ahead over the subjects index, public view, with a short-lived Redis cache. */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);
    private static final Map<String, String> FACETS = facetFields();
    private static final String FACET_SAMPLE = "facets";
    /** Only what a hit shows: the computed search fields (bigrams, pinyin) stay in Elasticsearch. */
    public static final List<String> HIT_FIELDS = List.of("subject_key", "uscc", "id_masked", "name", "subject_type",
            "legal_representative", "region_code", "industry_code", "status", "list_types", "record_categories", "grade", "under_objection");

    /** A search answer as JSON and the subject keys it contains (for the audit log). */
    public record Answer(String json, List<String> subjectKeys) {

        /**
         * The cached form: the subject keys as a JSON array on the first line, then the answer's JSON as it is. (It
         * was the answer written as JSON, its JSON escaped inside: every hit paid for unescaping and re-reading it.)
         */
        String cached(JsonText text) {
            return text.write(subjectKeys) + "\n" + json;
        }

        /** The answer of a cached value; null for a value of another form (then it is a miss). */
        static Answer fromCache(String value, JsonText text) {
            int end = value.indexOf('\n');
            if (end <= 0 || !value.startsWith("[")) {
                return null;
            }
            return new Answer(value.substring(end + 1),
                    Collections.unmodifiableList(Arrays.asList(text.read(value.substring(0, end), String[].class))));
        }
    }

    /** The cache's name for a page of search results (a new name when its form changes: old entries are not read). */
    private static final String CACHED_PAGE = "page";

    private final ElasticsearchAsyncClient client;
    private final SubjectIndex index;
    private final SearchCache cache;
    private final Cursors cursors;
    private final JsonText json;
    private final SearchConfig config;

    public SearchService(ElasticsearchAsyncClient client, SubjectIndex index, SearchCache cache, Cursors cursors,
                         JsonText json, SearchConfig config) {
        this.client = client;
        this.index = index;
        this.cache = cache;
        this.cursors = cursors;
        this.json = json;
        this.config = config;
    }

    public Uni<Answer> search(SearchRequest request) {
        List<FieldValue> after = searchAfter(request);
        String cacheKey = request.canonical() + "|" + request.cursor();
        return cache.lookup(CACHED_PAGE, cacheKey).chain(seen -> {
            Answer cached = seen.value() == null ? null : Answer.fromCache(seen.value(), json);
            return cached != null ? Uni.createFrom().item(cached)
                    : query(request, after).call(answer -> cache.store(CACHED_PAGE, seen, cacheKey, answer.cached(json)));
        });
    }

    public Uni<List<Suggestion>> suggest(String q, int size, boolean explain) {
        return VertxContexts.fromStage(() -> client.search(s -> s.index(index.alias()).query(SearchQueries.suggest(q))
                        .size(size).source(src -> src.filter(f -> f.includes("uscc", "id_masked", "name", "subject_type")))
                        .includeNamedQueriesScore(explain)
                        .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                        .sort(so -> so.field(f -> f.field("name.keyword").order(SortOrder.Asc))), Map.class))
                .map(response -> response.hits().hits().stream().map(hit -> {
                    Map<?, ?> source = hit.source();
                    return new Suggestion(code(source), (String) source.get("name"), (String) source.get("subject_type"),
                            explain ? explanation(hit) : null);
                }).toList())
                .onFailure(e -> !(e instanceof ProblemException)).transform(SearchService::unavailable);
    }

    private Uni<Answer> query(SearchRequest request, List<FieldValue> after) {
        return VertxContexts.fromStage(() -> client.search(elasticsearchRequest(index.alias(), request, after,
                        config.facetSample()), Map.class))
                .map(response -> new Answer(json.write(results(request, response)), response.hits().hits().stream()
                        .map(hit -> (String) hit.source().get("subject_key")).toList()))
                .onFailure(e -> !(e instanceof ProblemException)).transform(SearchService::unavailable);
    }

    /**
     * The Elasticsearch request of one page (also what the search benchmark sends straight to Elasticsearch). The
     * first page counts facets over the best {@code facetSample} matches per shard: exact for all but the broadest
     * queries, whose facets would otherwise cost a pass over every match (see load-tests/RESULTS.md).
     */
    public static co.elastic.clients.elasticsearch.core.SearchRequest elasticsearchRequest(
            String alias, SearchRequest request, List<FieldValue> after, int facetSample) {
        Query query = Query.of(root -> root.bool(bool -> {
            filters(bool, request);
            SearchQueries.relevance(bool, request.q());
            return bool;
        }));
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> {
            s.index(alias).query(query).size(request.size()).trackTotalHits(t -> t.enabled(true))
                    .includeNamedQueriesScore(request.explain()).trackScores(request.explain())
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(so -> so.field(f -> f.field("subject_key").order(SortOrder.Asc)))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                            .fields(NamedValue.of("name", HighlightField.of(f -> f.numberOfFragments(0)
                                    .highlightQuery(SearchQueries.highlight(request.q()))))));
            if (after != null) {
                s.searchAfter(after);
            } else {
                s.aggregations(FACET_SAMPLE, a -> {
                    var sampler = a.sampler(sm -> sm.shardSize(facetSample));
                    FACETS.forEach((facet, field) -> sampler.aggregations(facet, f -> f.terms(t -> {
                        t.field(field).size(20);
                        return field.equals("region_prefixes") ? t.include(i -> i.regexp("[0-9]{4}")) : t;
                    })));
                    return sampler;
                });
            }
            return s;
        });
    }

    private static void filters(BoolQuery.Builder bool, SearchRequest request) {
        bool.filter(SearchQueries.term("public", true));
        if (request.type() != null) {
            bool.filter(SearchQueries.term("subject_type", request.type().name()));
        }
        if (request.region() != null) {
            bool.filter(SearchQueries.term("region_prefixes", request.region()));
        }
        if (request.industry() != null) {
            bool.filter(Query.of(p -> p.prefix(x -> x.field("industry_code").value(request.industry()))));
        }
        if (request.list() != null) {
            bool.filter(SearchQueries.term("list_types", request.list().name()));
        }
        if (request.listKind() != null) {
            bool.filter(SearchQueries.term("list_kinds", request.listKind().name()));
        }
        if (request.category() != null) {
            bool.filter(SearchQueries.term("record_categories", request.category().name()));
        }
        if (request.grade() != null) {
            bool.filter(SearchQueries.term("grade", request.grade().name()));
        }
        if (request.changedSince() != null) {
            bool.filter(Query.of(r -> r.range(x -> x.date(d -> d.field("updated_at")
                    .gte(request.changedSince().toString())))));
        }
    }

    @SuppressWarnings("unchecked")
    private SearchResults results(SearchRequest request, SearchResponse<Map> response) {
        List<SearchResults.Hit> items = new ArrayList<>();
        List<FieldValue> lastSort = null;
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> source = hit.source();
            boolean person = source.get("uscc") == null;
            List<String> highlight = hit.highlight().get("name");
            items.add(new SearchResults.Hit(code(source), (String) source.get("name"),
                    highlight == null || highlight.isEmpty() ? null : highlight.get(0).replace("</em><em>", ""),
                    (String) source.get("subject_type"), person ? null : (String) source.get("legal_representative"),
                    (String) source.get("region_code"),
                    AdministrativeDivisions.fullName((String) source.get("region_code")), (String) source.get("industry_code"),
                    (String) source.get("status"), (List<String>) source.get("list_types"),
                    (List<String>) source.get("record_categories"), (String) source.get("grade"),
                    Boolean.TRUE.equals(source.get("under_objection")), request.explain() ? explanation(hit) : null));
            lastSort = hit.sort();
        }
        Map<String, List<SearchResults.FacetCount>> facets = null;
        Long facetsCounted = null;
        if (request.cursor() == null) {
            facets = new LinkedHashMap<>();
            SamplerAggregate sample = response.aggregations().get(FACET_SAMPLE).sampler();
            facetsCounted = sample.docCount();
            for (String facet : FACETS.keySet()) {
                facets.put(facet, sample.aggregations().get(facet).sterms().buckets().array().stream()
                        .map(b -> new SearchResults.FacetCount(b.key().stringValue(), b.docCount())).toList());
            }
        }
        var total = response.hits().total();
        String next = items.size() == request.size() && lastSort != null
                ? cursors.encode(request.canonical(), List.of(Double.toString(lastSort.get(0).doubleValue()),
                lastSort.get(1).stringValue()))
                : null;
        return new SearchResults(total == null ? items.size() : total.value(),
                total != null && total.relation() == TotalHitsRelation.Gte ? "gte" : "eq", items, facets,
                facetsCounted, next);
    }

    private List<FieldValue> searchAfter(SearchRequest request) {
        return cursors.position(request.canonical(), request.cursor(), 2,
                position -> List.of(FieldValue.of(Double.parseDouble(position.get(0))), FieldValue.of(position.get(1))));
    }

    private static SearchResults.Explanation explanation(Hit<?> hit) {
        return new SearchResults.Explanation(hit.score() == null ? 0 : hit.score(), new TreeMap<>(hit.matchedQueries()));
    }

    private static String code(Map<?, ?> source) {
        Object uscc = source.get("uscc");
        return uscc != null ? uscc.toString() : (String) source.get("id_masked");
    }

    private static Throwable unavailable(Throwable e) {
        LOG.warnf("search failed: %s", e.toString());
        return ProblemException.unavailable("search-unavailable",
                "the search index is unavailable right now; lookups by code (GET /api/v1/subjects/{code}) still work");
    }

    private static Map<String, String> facetFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subjectType", "subject_type");
        fields.put("region", "region_prefixes");
        fields.put("industry", "industry_code");
        fields.put("list", "list_types");
        fields.put("category", "record_categories");
        fields.put("grade", "grade");
        return fields;
    }
}
