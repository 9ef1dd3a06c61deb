package io.creditquery.job;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A job's progress; {@code counts} by status and verdict of the codes answered so far. {@code webhookSecret} (the HMAC
 * key of the completion call's signature) only in the answer that created the job.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String status, String scenario, String purpose, int total, int done, double percent,
                      OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      Map<String, Long> counts, String results, String webhookUrl, String webhookSecret) {
}
