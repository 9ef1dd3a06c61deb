package io.creditquery.job;

import java.util.List;

/** A bulk credit check: the scenario, an optional purpose, up to 100,000 codes, optionally a webhook for its end. */
public record JobRequest(String scenario, String purpose, List<String> codes, String webhookUrl) {
}
