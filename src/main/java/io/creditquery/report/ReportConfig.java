package io.creditquery.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

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

    /**
     * Where people reach the platform: the QR code on every page of a report links to
     * {@code <this>/api/v1/reports/<number>} (扫码核验).
     */
    @WithDefault("http://localhost:8080")
    String verifyBaseUrl();

    /**
     * The report seal: a PKCS#8 PEM private key (RSA or EC) and its PEM certificate chain; with both set every PDF
     * report is digitally signed (set-up generates a self-signed pair for development). Without them reports are
     * not signed, and the start-up log says so.
     */
    Optional<String> signingKey();

    Optional<String> signingCertificate();

    /** Credit reports an anonymous client address may ask for per minute (each one is rendered and stored). */
    @WithDefault("6")
    int anonymousPerMinute();
}
