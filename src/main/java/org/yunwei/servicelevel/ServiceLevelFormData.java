package org.yunwei.servicelevel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A service's level agreement as its form and REST edit it; targets are working minutes
 * per priority (P1 to P4).
 */
public class ServiceLevelFormData {

	private Long calendarId;

	@Size(max = 4000)
	private String objective;

	@Size(max = 4000)
	private String scope;

	@Size(max = 4000)
	private String serviceHours;

	@Size(max = 20000)
	private String content;

	@Size(max = 4000)
	private String effect;

	@Size(max = 4000)
	private String security;

	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal availabilityTarget;

	@NotNull
	@Min(1)
	@Max(99)
	private Integer warnPercent = 75;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate reviewDue;

	@Valid
	private List<Target> targets = defaultTargets();

	private Integer version;

	/** The targets of one priority, in working minutes (empty: no clock of that kind). */
	public static class Target {

		@NotNull
		@Min(1)
		@Max(4)
		private Integer priority;

		@Min(1)
		@Max(MAX_MINUTES)
		private Integer responseMinutes;

		@Min(1)
		@Max(MAX_MINUTES)
		private Integer resolutionMinutes;

		public Target() {
		}

		public Target(Integer priority, Integer responseMinutes, Integer resolutionMinutes) {
			this.priority = priority;
			this.responseMinutes = responseMinutes;
			this.resolutionMinutes = resolutionMinutes;
		}

		public Integer getPriority() {
			return this.priority;
		}

		public void setPriority(Integer priority) {
			this.priority = priority;
		}

		public Integer getResponseMinutes() {
			return this.responseMinutes;
		}

		public void setResponseMinutes(Integer responseMinutes) {
			this.responseMinutes = responseMinutes;
		}

		public Integer getResolutionMinutes() {
			return this.resolutionMinutes;
		}

		public void setResolutionMinutes(Integer resolutionMinutes) {
			this.resolutionMinutes = resolutionMinutes;
		}

	}

	/** A year of working minutes: the longest target. */
	public static final int MAX_MINUTES = 525_600;

	private static List<Target> defaultTargets() {
		List<Target> t = new ArrayList<>();
		for (int p = 1; p <= 4; p++) {
			t.add(new Target(p, null, null));
		}
		return t;
	}

	public static ServiceLevelFormData of(ServiceLevelView l) {
		ServiceLevelFormData f = new ServiceLevelFormData();
		f.calendarId = l.calendarId();
		f.objective = l.objective();
		f.scope = l.scope();
		f.serviceHours = l.serviceHours();
		f.content = l.content();
		f.effect = l.effect();
		f.security = l.security();
		f.availabilityTarget = l.availabilityTarget();
		f.warnPercent = l.warnPercent();
		f.effectiveFrom = l.effectiveFrom();
		f.reviewDue = l.reviewDue();
		f.targets = new ArrayList<>();
		for (int p = 1; p <= 4; p++) {
			ServiceLevelView.Target t = l.target(p);
			f.targets.add(new Target(p, t.responseMinutes(), t.resolutionMinutes()));
		}
		f.version = l.version();
		return f;
	}

	public Long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public String getObjective() {
		return this.objective;
	}

	public void setObjective(String objective) {
		this.objective = objective;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public String getServiceHours() {
		return this.serviceHours;
	}

	public void setServiceHours(String serviceHours) {
		this.serviceHours = serviceHours;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getEffect() {
		return this.effect;
	}

	public void setEffect(String effect) {
		this.effect = effect;
	}

	public String getSecurity() {
		return this.security;
	}

	public void setSecurity(String security) {
		this.security = security;
	}

	public BigDecimal getAvailabilityTarget() {
		return this.availabilityTarget;
	}

	public void setAvailabilityTarget(BigDecimal availabilityTarget) {
		this.availabilityTarget = availabilityTarget;
	}

	public Integer getWarnPercent() {
		return this.warnPercent;
	}

	public void setWarnPercent(Integer warnPercent) {
		this.warnPercent = warnPercent;
	}

	public LocalDate getEffectiveFrom() {
		return this.effectiveFrom;
	}

	public void setEffectiveFrom(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}

	public LocalDate getReviewDue() {
		return this.reviewDue;
	}

	public void setReviewDue(LocalDate reviewDue) {
		this.reviewDue = reviewDue;
	}

	public List<Target> getTargets() {
		return this.targets;
	}

	public void setTargets(List<Target> targets) {
		this.targets = targets;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
