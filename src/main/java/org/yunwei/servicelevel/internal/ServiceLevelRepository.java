package org.yunwei.servicelevel.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceLevelRepository extends JpaRepository<ServiceLevel, Long> {

	Optional<ServiceLevel> findByServiceId(long serviceId);

	List<ServiceLevel> findByServiceIdIn(Collection<Long> serviceIds);

}
