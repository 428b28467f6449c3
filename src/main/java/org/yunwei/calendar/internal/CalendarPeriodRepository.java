package org.yunwei.calendar.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarPeriodRepository extends JpaRepository<CalendarPeriod, Long> {

	List<CalendarPeriod> findByCalendarIdOrderByWeekdayAscStartTimeAsc(long calendarId);

}
