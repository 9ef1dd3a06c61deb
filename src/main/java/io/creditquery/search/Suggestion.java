package io.creditquery.search;

/** A type-ahead entry: enough to show and to open the profile. */
public record Suggestion(String code, String name, String subjectType) {
}
