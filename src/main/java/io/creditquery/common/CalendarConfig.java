package io.creditquery.common;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The working calendar of statutory deadlines. */
@ConfigMapping(prefix = "credit.calendar")
public interface CalendarConfig {

    /** Public holidays not counted as working days (ISO dates, comma-separated). */
    Optional<Set<LocalDate>> holidays();

    /** Weekend days declared working days (调休上班). */
    Optional<Set<LocalDate>> workingWeekendDays();

    @ApplicationScoped
    class Producer {
        @Produces
        @Singleton
        WorkingCalendar calendar(CalendarConfig config) {
            return new WorkingCalendar(config.holidays().orElse(Set.of()), config.workingWeekendDays().orElse(Set.of()));
        }
    }
}
