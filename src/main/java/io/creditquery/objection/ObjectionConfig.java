package io.creditquery.objection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;


@ConfigMapping(prefix = "credit.objection")
public interface ObjectionConfig {

    /** Working days the owning department has to decide an objection (after which it is listed as overdue). */
    @WithDefault("10")
    int deadlineWorkingDays();

    /** Objections one contact (phone or e-mail of a public filer) may have open at a time. */
    @WithDefault("3")
    int openPerContact();
}
