package org.yunwei.workitem;

import java.time.LocalDate;

/** A delegation of approvals while away, as its owner and delegate see it. */
public record DelegationView(long id, long userId, String userName, long delegateId, String delegateName,
		LocalDate startsOn, LocalDate endsOn, boolean cancelled) {
}
