package io.creditquery.ingest;

import java.util.Arrays;
import java.util.Optional;

/** What an NDJSON file holds; the path segment of /api/v1/ingest/{kind}. */
public enum IngestKind {
    SUBJECTS("subjects"), RECORDS("records"), LIST_ENTRIES("list-entries");

    private final String path;

    IngestKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<IngestKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
