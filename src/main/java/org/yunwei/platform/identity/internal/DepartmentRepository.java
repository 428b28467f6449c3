package org.yunwei.platform.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, Long> {

	boolean existsByCodeIgnoreCase(String code);

	long countByParentId(Long parentId);

	List<Department> findAllByOrderBySortOrderAscNameAsc();

}
