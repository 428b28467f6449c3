package org.yunwei.workitem.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkItemRepository extends JpaRepository<WorkItem, Long> {

	Optional<WorkItem> findByNumber(String number);

}
