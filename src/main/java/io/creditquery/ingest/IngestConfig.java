package io.creditquery.ingest;

import io.smallrye.config.ConfigMapping;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "credit.ingest")
public interface IngestConfig {

    /** Most NDJSON lines in one request; larger files are sent in several requests (bin/import does). */
    @WithDefault("10000")
    int maxLines();

    /** Rows of one file written per transaction when a 双公示 template file is imported. */
    @WithDefault("2000")
    int fileChunkRows();

    /** XLSX is read whole (POI); files with more rows must be sent as CSV, which streams. */
    @WithDefault("200000")
    int maxXlsxRows();

    /** Largest XLSX file read (checked before POI parses it). */
    @WithDefault("40M")
    MemorySize maxXlsxBytes();

    /** Problems listed in a file's report (all are counted). */
    @WithDefault("1000")
    int maxReportedIssues();

    /** Refused rows kept for the annotated copy the clerk downloads. */
    @WithDefault("10000")
    int maxAnnotatedRows();
}
