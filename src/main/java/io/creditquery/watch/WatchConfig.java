package io.creditquery.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.watch")
public interface WatchConfig {

    /** Subjects per watchlist at most. */
    @WithDefault("10000")
    int maxSubjects();

    /** How often changed watched subjects are compared with what their watchers were last told. */
    @WithDefault("2s")
    Duration scanEvery();
}
