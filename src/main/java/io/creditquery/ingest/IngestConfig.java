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

    /**
     * Most rows read from an XLSX sheet (a stream of rows since 2026-12-03, so memory no longer bounds this; the
     * default is Excel's own sheet limit). A sheet past it is refused at the first row beyond.
     */
    @WithDefault("1048576")
    int maxXlsxRows();

    /** Largest XLSX file read (checked before it is opened; the shared-string table of a workbook is held in memory). */
    @WithDefault("40M")
    MemorySize maxXlsxBytes();

    /** Problems listed in a file's report (all are counted). */
    @WithDefault("1000")
    int maxReportedIssues();

    /** Refused rows kept for the annotated copy the clerk downloads. */
    @WithDefault("10000")
    int maxAnnotatedRows();
}
