package org.yunwei.workitem;

import jakarta.validation.constraints.Size;

/**
 * Taking a transition: an optional comment (public unless {@code internal}), an assignee
 * or group to set on the way, and the version the caller saw.
 */
public record TransitionRequest(@Size(max = 20000) String comment, Boolean internal, Long assigneeId, Long groupId,
		Integer version) {
}
