package io.creditquery.change;

import java.time.OffsetDateTime;

/** A subject changed: fetch it again (profile, records) to mirror it. {@code position} resumes the feed after it. */
public record Change(String position, String subjectCode, String subjectType, String name, long version,
                     OffsetDateTime changedAt) {
}
