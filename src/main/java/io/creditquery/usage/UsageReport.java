package io.creditquery.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * An API key's usage from the audit log: calls, refused calls and billed units by day (Asia/Shanghai) and route, and
 * today's quota. Billed units: one per answered call, one per code for credit checks; refused calls are not billed.
 */
public record UsageReport(String apiKeyId, LocalDate from, LocalDate to, Integer dailyQuota, long quotaUsedToday,
                          Long quotaLeftToday, Integer ratePerMinute, Totals totals, List<Line> lines) {

    public record Line(LocalDate day, String method, String route, long calls, long refused, long billedUnits) {
    }

    public record Totals(long calls, long refused, long billedUnits) {
    }
}
