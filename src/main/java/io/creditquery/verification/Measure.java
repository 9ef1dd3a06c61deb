package io.creditquery.verification;

import io.creditquery.list.ListType;

/** One entry of the measures catalogue: for a list type in a scenario, the measure, its source and legal basis. */
public record Measure(ListType listType, Scenario scenario, MeasureKind measure, String description, String memorandum,
                      String legalBasis) {
}
