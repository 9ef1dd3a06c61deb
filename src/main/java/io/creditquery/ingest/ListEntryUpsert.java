package io.creditquery.ingest;

import io.creditquery.list.ListType;

import java.time.LocalDate;

/** A validated list-entry line, keyed by (authority, decisionNo). */
public record ListEntryUpsert(String subjectKey, ListType listType, String authority, String decisionNo, String basis,
                              LocalDate listedOn, LocalDate plannedExitOn, LocalDate exitedOn, String exitReason) {
}
