package io.creditquery.objection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "credit.objection")
public interface ObjectionConfig {

    /** Working days the owning department has to decide an objection (after which it is listed as overdue). */
    @WithDefault("10")
    int deadlineWorkingDays();

    /** Public holidays not counted as working days (ISO dates, comma-separated). */
    Optional<Set<LocalDate>> holidays();

    /** Weekend days declared working days (调休上班). */
    Optional<Set<LocalDate>> workingWeekendDays();
}
