package io.creditquery.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.report")
public interface ReportConfig {

    /** A TrueType font (or collection) with CJK glyphs; set-up installs fonts-wqy-zenhei. */
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    String font();

    /** Issuer printed on every report. */
    @WithDefault("公共信用信息查询平台 (credit-query)")
    String issuer();

    /** Records per report at most (newest first across categories); the report says when it is cut. */
    @WithDefault("500")
    int maxRecords();

    /** Threads that render PDFs (CPU-bound: at most the cores; each keeps its own parsed font). */
    @WithDefault("2")
    int renderThreads();

    /** PDFs that may wait for a renderer; beyond that a report request is refused at once (503, Retry-After). */
    @WithDefault("8")
    int renderQueue();

    /** How long a request waits for its PDF; then it is refused and its render dropped if it has not started. */
    @WithDefault("10s")
    Duration renderWait();

    /** Credit reports an anonymous client address may ask for per minute (each one is rendered and stored). */
    @WithDefault("6")
    int anonymousPerMinute();
}
