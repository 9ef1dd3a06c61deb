package io.creditquery.verification;

import java.util.List;

/** A credit check: the scenario it is made for, one or more codes, and optionally the case it belongs to. */
public record VerificationRequest(String scenario, List<String> codes, String purpose) {
}
