package org.yunwei.workitem.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkflowRepository extends JpaRepository<WorkflowVersion, Long> {

	Optional<WorkflowVersion> findFirstByTypeCodeAndVariantAndActiveTrue(String typeCode, String variant);

	List<WorkflowVersion> findByTypeCodeAndVariantOrderByNumberDesc(String typeCode, String variant);

	/** Each variant of a type with its latest version number, as [variant, number]. */
	@org.springframework.data.jpa.repository.Query("select w.variant, max(w.number) from WorkflowVersion w"
			+ " where w.typeCode = :type group by w.variant")
	List<Object[]> latestByVariant(String type);

}
