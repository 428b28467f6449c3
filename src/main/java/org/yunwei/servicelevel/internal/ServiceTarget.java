package org.yunwei.servicelevel.internal;

import jakarta.persistence.Embeddable;

/** The response and resolution targets of one priority, in working minutes. */
@Embeddable
public class ServiceTarget {

	private int priority;

	private Integer responseMinutes;

	private Integer resolutionMinutes;

	protected ServiceTarget() {
	}

	public ServiceTarget(int priority, Integer responseMinutes, Integer resolutionMinutes) {
		this.priority = priority;
		this.responseMinutes = responseMinutes;
		this.resolutionMinutes = resolutionMinutes;
	}

	public int getPriority() {
		return this.priority;
	}

	public Integer getResponseMinutes() {
		return this.responseMinutes;
	}

	public Integer getResolutionMinutes() {
		return this.resolutionMinutes;
	}

	@Override
	public String toString() {
		return "P" + this.priority + " " + this.responseMinutes + "/" + this.resolutionMinutes;
	}

}
