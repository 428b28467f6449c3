package org.yunwei.servicedesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A callback rule as its administrator writes it: an empty part matches any. */
public class CallbackRuleFormData {

	private TicketKind kind;

	@Min(1)
	@Max(4)
	private Integer priority;

	private Long serviceId;

	public TicketKind getKind() {
		return this.kind;
	}

	public void setKind(TicketKind kind) {
		this.kind = kind;
	}

	public Integer getPriority() {
		return this.priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

}
