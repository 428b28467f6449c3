package org.yunwei.workitem.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovalStepRepository extends JpaRepository<ApprovalStep, Long> {

	List<ApprovalStep> findByApprovalIdOrderBySeqAsc(long approvalId);

	List<ApprovalStep> findByApprovalIdInOrderBySeqAsc(Collection<Long> approvalIds);

	List<ApprovalStep> findByApproverIdAndActiveTrueAndDecisionIsNull(long approverId);

}
