package org.yunwei.servicelevel.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceRepository extends JpaRepository<ServiceEntity, Long> {

	List<ServiceEntity> findAllByOrderByCodeAsc();

	List<ServiceEntity> findByActiveTrueOrderByNameAsc();

	Optional<ServiceEntity> findByCode(String code);

}
