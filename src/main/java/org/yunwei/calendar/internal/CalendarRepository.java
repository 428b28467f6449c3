package org.yunwei.calendar.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarRepository extends JpaRepository<CalendarEntity, Long> {

	Optional<CalendarEntity> findFirstByDefaultCalendarTrue();

	List<CalendarEntity> findAllByOrderByIdAsc();

	boolean existsByCode(String code);

}
