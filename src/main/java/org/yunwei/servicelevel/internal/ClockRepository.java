package org.yunwei.servicelevel.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.yunwei.servicelevel.ClockState;

public interface ClockRepository extends JpaRepository<Clock, Long> {

	List<Clock> findByItemIdOrderByIdAsc(long itemId);

	@Query("select c from Clock c where c.state = :state and c.warnedAt is null and c.warnAt <= :now order by c.warnAt")
	List<Clock> dueToWarn(ClockState state, Instant now, Limit limit);

	@Query("select c from Clock c where c.state = :state and c.breachedAt is null and c.dueAt <= :now order by c.dueAt")
	List<Clock> dueToBreach(ClockState state, Instant now, Limit limit);

	@Query("select c from Clock c where c.startedAt < :to and (c.stoppedAt is null or c.stoppedAt >= :from) order by c.id")
	List<Clock> activeBetween(Instant from, Instant to);

}
