package io.creditquery.verification;

import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A check of a past date ({@code asOf}) as the platform knew it at {@code knownAt}; null when checking today. */
public record PastDate(LocalDate date, OffsetDateTime knownAt) {

    /** From the request's text; {@code knownAt} defaults to now and may not lie in the future. */
    public static PastDate of(String asOf, String knownAt, OffsetDateTime now) {
        String date = QueryParams.text("asOf", asOf, false, 10);
        OffsetDateTime known = QueryParams.dateTime("knownAt", knownAt);
        if (date == null) {
            if (known != null) {
                throw ProblemException.badRequest("knownAt", "is only for a check of a past date: give asOf too");
            }
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf", "'" + date + "' is not a date (YYYY-MM-DD)");
        }
        if (day.isAfter(now.toLocalDate())) {
            throw ProblemException.badRequest("asOf", "is in the future; the platform knows no future");
        }
        if (known != null && known.isAfter(now)) {
            throw ProblemException.badRequest("knownAt", "is in the future");
        }
        return new PastDate(day, known == null ? now : known);
    }
}
