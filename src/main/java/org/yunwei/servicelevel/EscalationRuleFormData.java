package org.yunwei.servicelevel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An escalation rule as its form and REST edit it: on a warning or a breach of a kind of
 * clock (any when empty), for a service (any) and priorities up to a level (any), move
 * the record to a group and/or raise its priority.
 */
public class EscalationRuleFormData {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotNull
	private EscalationTrigger onEvent = EscalationTrigger.BREACH;

	private ClockKind clockKind;

	private Long serviceId;

	@Min(1)
	@Max(4)
	private Integer maxPriority;

	private Long reassignTo;

	private boolean raisePriority;

	private boolean active = true;

	private Integer version;

	public static EscalationRuleFormData of(EscalationRuleView r) {
		EscalationRuleFormData f = new EscalationRuleFormData();
		f.name = r.name();
		f.onEvent = r.onEvent();
		f.clockKind = r.clockKind();
		f.serviceId = r.serviceId();
		f.maxPriority = r.maxPriority();
		f.reassignTo = r.reassignTo();
		f.raisePriority = r.raisePriority();
		f.active = r.active();
		f.version = r.version();
		return f;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public EscalationTrigger getOnEvent() {
		return this.onEvent;
	}

	public void setOnEvent(EscalationTrigger onEvent) {
		this.onEvent = onEvent;
	}

	public ClockKind getClockKind() {
		return this.clockKind;
	}

	public void setClockKind(ClockKind clockKind) {
		this.clockKind = clockKind;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public Integer getMaxPriority() {
		return this.maxPriority;
	}

	public void setMaxPriority(Integer maxPriority) {
		this.maxPriority = maxPriority;
	}

	public Long getReassignTo() {
		return this.reassignTo;
	}

	public void setReassignTo(Long reassignTo) {
		this.reassignTo = reassignTo;
	}

	public boolean isRaisePriority() {
		return this.raisePriority;
	}

	public void setRaisePriority(boolean raisePriority) {
		this.raisePriority = raisePriority;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
