package io.creditquery.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkingCalendarTest {

    static final WorkingCalendar PLAIN = new WorkingCalendar(Set.of(), Set.of());

    @Test
    void weekendsDoNotCount() {
        // Friday 2026-11-20 + 1 working day = Monday 2026-11-23; + 10 = Friday 2026-12-04.
        assertEquals(LocalDate.of(2026, 11, 23), PLAIN.plusWorkingDays(LocalDate.of(2026, 11, 20), 1));
        assertEquals(LocalDate.of(2026, 12, 4), PLAIN.plusWorkingDays(LocalDate.of(2026, 11, 20), 10));
        // Filed on a Saturday: the count starts on Monday.
        assertEquals(LocalDate.of(2026, 11, 23), PLAIN.plusWorkingDays(LocalDate.of(2026, 11, 21), 1));
        assertEquals(LocalDate.of(2026, 11, 21), PLAIN.plusWorkingDays(LocalDate.of(2026, 11, 21), 0));
    }

    @Test
    void holidaysAndMakeUpWorkingDaysFromConfiguration() {
        // National Day week 2026: 1-7 October off, Saturday 10 October worked (调休).
        Set<LocalDate> golden = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
        WorkingCalendar calendar = new WorkingCalendar(golden, Set.of(LocalDate.of(2026, 10, 10)));
        assertEquals(LocalDate.of(2026, 10, 8), calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1));
        assertEquals(LocalDate.of(2026, 10, 10), calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3));
        assertEquals(LocalDate.of(2026, 10, 12), calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 4));
    }
}
