package io.creditquery.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A type-ahead entry: enough to show and to open the profile; with explain=true, why it matched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String code, String name, String subjectType, SearchResults.Explanation explain) {
}
