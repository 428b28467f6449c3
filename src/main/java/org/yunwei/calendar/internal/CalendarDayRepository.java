package org.yunwei.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

	List<CalendarDay> findByCalendarIdOrderByDateAsc(long calendarId);

	List<CalendarDay> findByCalendarIdAndDateBetweenOrderByDateAsc(long calendarId, LocalDate from, LocalDate to);

	Optional<CalendarDay> findByCalendarIdAndDate(long calendarId, LocalDate date);

}
