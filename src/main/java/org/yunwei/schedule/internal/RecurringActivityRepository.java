package org.yunwei.schedule.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecurringActivityRepository extends JpaRepository<RecurringActivity, Long> {

	List<RecurringActivity> findByActiveTrueOrderByIdAsc();

	List<RecurringActivity> findAllByOrderByIdDesc();

	List<RecurringActivity> findByServiceIdOrderByIdDesc(long serviceId);

}
