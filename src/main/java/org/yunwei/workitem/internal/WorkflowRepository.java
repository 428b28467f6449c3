package org.yunwei.workitem.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkflowRepository extends JpaRepository<WorkflowVersion, Long> {

	Optional<WorkflowVersion> findFirstByTypeCodeAndActiveTrue(String typeCode);

	List<WorkflowVersion> findByTypeCodeOrderByNumberDesc(String typeCode);

}
