package io.creditquery.search;

import io.creditquery.evaluation.Grade;
import io.creditquery.list.ListKind;
import io.creditquery.list.ListType;
import io.creditquery.record.RecordCategory;
import io.creditquery.code.SubjectType;

import java.time.OffsetDateTime;

/** A validated one-stop search: the text, the filters, the page. {@link #canonical()} identifies it for cursors and cache. */
public record SearchRequest(String q, SubjectType type, String region, String industry, ListType list,
                            ListKind listKind, RecordCategory category, Grade grade, OffsetDateTime changedSince,
                            boolean explain, int size, String cursor) {

    /** The query without its page position. */
    public String canonical() {
        return String.join("|", q, String.valueOf(type), String.valueOf(region), String.valueOf(industry),
                String.valueOf(list), String.valueOf(listKind), String.valueOf(category), String.valueOf(grade), String.valueOf(changedSince),
                Boolean.toString(explain), Integer.toString(size));
    }
}
