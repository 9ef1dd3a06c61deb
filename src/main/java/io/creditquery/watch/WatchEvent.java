package io.creditquery.watch;

import java.time.OffsetDateTime;
import java.util.Map;

/** Something a watcher should know about a watched subject: a new black-list entry, a new penalty, a grade drop. */
public record WatchEvent(long seq, String kind, String subjectCode, String subjectName, Map<String, Object> detail,
                         OffsetDateTime occurredAt) {
}
