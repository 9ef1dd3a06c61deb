package io.creditquery.verification;

import java.util.List;

/**
 * A credit check: the scenario it is made for, one or more codes, optionally the case it belongs to, and optionally
 * a past date to check on ({@code asOf}, YYYY-MM-DD) as the platform knew it at {@code knownAt} (default: now).
 */
public record VerificationRequest(String scenario, List<String> codes, String purpose, String asOf, String knownAt) {
}
