package io.creditquery.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "credit.ingest")
public interface IngestConfig {

    /** Most NDJSON lines in one request; larger files are sent in several requests (bin/import does). */
    @WithDefault("10000")
    int maxLines();
}
