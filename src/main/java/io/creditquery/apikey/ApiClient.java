package io.creditquery.apikey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A partner agency's API client as stored (hashes only) and as listed to admins. */
public record ApiClient(UUID id, String name, String keyPrefix, List<String> scopes, Integer dailyQuota,
                        Integer ratePerMinute, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                        OffsetDateTime previousValidUntil, OffsetDateTime createdAt) {
}
