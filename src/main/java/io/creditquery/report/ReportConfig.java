package io.creditquery.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
