package io.creditquery.ingest;

/** Why one NDJSON line was rejected; the line left no trace. */
public record LineError(int line, String field, String reason) {
}
