package io.creditquery.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "credit.feedback")
public interface FeedbackConfig {

    /** How long after a check that named a measure its department has to report what it did; later ones are overdue. */
    @WithDefault("30d")
    Duration dueWithin();
}
