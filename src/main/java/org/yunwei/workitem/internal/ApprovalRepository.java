package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovalRepository extends JpaRepository<Approval, Long> {

	List<Approval> findByItemIdOrderByIdDesc(long itemId);

	List<Approval> findByItemIdAndState(long itemId, String state);

}
