package io.creditquery.job;

import java.util.List;

/** A bulk credit check: the scenario, an optional purpose, up to 100,000 codes. */
public record JobRequest(String scenario, String purpose, List<String> codes) {
}
