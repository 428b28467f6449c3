package org.yunwei.notification.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EndpointRepository extends JpaRepository<Endpoint, Long> {

	List<Endpoint> findAllByOrderByIdAsc();

	List<Endpoint> findByActiveTrue();

}
