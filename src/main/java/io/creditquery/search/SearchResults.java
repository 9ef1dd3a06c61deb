package io.creditquery.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One page of one-stop search results with facet counts and the cursor of the next page. The facets (first page only)
 * count the best {@code facetsCounted} matches: all of them unless a query matches more than
 * credit.search.facet-sample subjects, when {@code facetsCounted < total}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResults(long total, String totalRelation, List<Hit> items, Map<String, List<FacetCount>> facets,
                            Long facetsCounted, String nextCursor) {

    /** A subject in the results; {@code highlight} is HTML-escaped with the matched characters in {@code <em>}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String code, String name, String highlight, String subjectType, String legalRepresentative,
                      String regionCode, String regionName, String industryCode, String status, List<String> lists,
                      List<String> recordCategories, String grade, boolean underObjection, Explanation explain) {
    }

    /**
     * Why a hit matched (explain=true): its score and the score each matching feature contributed (code_exact,
     * name_exact, name_without_suffix, name_phrase, name_bigrams, legal_representative, pinyin, … see docs/search.md).
     */
    public record Explanation(double score, Map<String, Double> features) {
    }

    public record FacetCount(String value, long count) {
    }
}
