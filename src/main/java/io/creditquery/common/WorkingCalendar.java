package io.creditquery.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days for statutory deadlines (异议处理 and repair decisions count working days): Monday to Friday except
 * public holidays, plus the weekend days declared working days (调休上班), both from configuration.
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend || workingWeekendDays.contains(day);
    }

    /** The day {@code days} working days after {@code start} (the start day itself does not count). */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = start;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
