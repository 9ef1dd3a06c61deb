package io.creditquery.ingest;

import io.creditquery.record.Classification;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordStatus;

import java.time.LocalDate;

/** A validated credit-record line, keyed by (sourceDept, sourceDocNo). */
public record RecordUpsert(String subjectKey, RecordCategory category, String sourceDept, String sourceDocNo,
                           LocalDate decisionDate, String title, String contentJson, Classification classification,
                           LocalDate publicityUntil, RecordStatus status) {
}
