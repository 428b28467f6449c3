package org.yunwei.servicelevel.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.ClockState;
import org.yunwei.workitem.SlaStatus;

/**
 * An SLA or OLA clock of one work item. While it runs, {@code runningSince} is the start
 * of the current segment and {@code dueAt} / {@code warnAt} are the instants, on its
 * calendar, at which it breaches and warns; {@code elapsedMinutes} holds the working
 * minutes of the segments already closed.
 */
@Entity
@Table(name = "sl_clock")
public class Clock {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private long itemId;

	private String itemType;

	@Enumerated(EnumType.STRING)
	private ClockKind kind;

	private Long serviceId;

	private Long departmentId;

	private Long groupId;

	private int priority;

	private long calendarId;

	private int targetMinutes;

	private int warnPercent;

	@Enumerated(EnumType.STRING)
	private ClockState state;

	private long elapsedMinutes;

	private Instant runningSince;

	private Instant startedAt;

	private Instant warnAt;

	private Instant dueAt;

	private Instant warnedAt;

	private Instant breachedAt;

	private Instant stoppedAt;

	@Enumerated(EnumType.STRING)
	private SlaStatus outcome;

	private Instant recalculatedAt;

	protected Clock() {
	}

	public Clock(long itemId, String itemType, ClockKind kind, Long serviceId, Long departmentId, Long groupId,
			int priority, long calendarId, int targetMinutes, int warnPercent, Instant now) {
		this.itemId = itemId;
		this.itemType = itemType;
		this.kind = kind;
		this.serviceId = serviceId;
		this.departmentId = departmentId;
		this.groupId = groupId;
		this.priority = priority;
		this.calendarId = calendarId;
		this.targetMinutes = targetMinutes;
		this.warnPercent = warnPercent;
		this.state = ClockState.PAUSED;
		this.startedAt = now;
	}

	/** The working minutes counted up to {@code now}. */
	public long elapsed(BusinessCalendar calendar, Instant now) {
		long running = (this.state == ClockState.RUNNING && this.runningSince != null)
				? calendar.minutesBetween(this.runningSince, now) : 0;
		return this.elapsedMinutes + running;
	}

	/** Working minutes after which the clock warns. */
	public long warnThreshold() {
		return (this.targetMinutes * (long) this.warnPercent + 99) / 100;
	}

	/** Starts (or resumes) counting at {@code now}. */
	public void run(BusinessCalendar calendar, Instant now) {
		this.state = ClockState.RUNNING;
		this.runningSince = now;
		this.stoppedAt = null;
		this.outcome = null;
		schedule(calendar);
	}

	/** Closes the running segment at {@code now}. */
	public void hold(BusinessCalendar calendar, Instant now, ClockState next) {
		if (this.state == ClockState.RUNNING) {
			this.elapsedMinutes += calendar.minutesBetween(this.runningSince, now);
		}
		this.state = next;
		this.runningSince = null;
		this.dueAt = null;
		this.warnAt = null;
	}

	/** Stops for good: met when within the target, else breached. */
	public void stop(BusinessCalendar calendar, Instant now) {
		hold(calendar, now, ClockState.STOPPED);
		this.stoppedAt = now;
		this.outcome = (this.elapsedMinutes > this.targetMinutes) ? SlaStatus.BREACHED : SlaStatus.MET;
		if (this.outcome == SlaStatus.BREACHED && this.breachedAt == null) {
			this.breachedAt = now;
		}
	}

	public void cancel(BusinessCalendar calendar, Instant now) {
		hold(calendar, now, ClockState.CANCELLED);
		this.stoppedAt = now;
		this.outcome = null;
	}

	/**
	 * Sets a new target (priority or service changed, or a recalculation): warnings and
	 * breaches no longer true under it are cleared.
	 */
	public void retarget(BusinessCalendar calendar, int targetMinutes, int warnPercent, Instant now) {
		this.targetMinutes = targetMinutes;
		this.warnPercent = warnPercent;
		long elapsed = elapsed(calendar, now);
		if (elapsed < warnThreshold()) {
			this.warnedAt = null;
		}
		if (elapsed <= targetMinutes) {
			this.breachedAt = null;
		}
		if (this.state == ClockState.STOPPED) {
			this.outcome = (this.elapsedMinutes > this.targetMinutes) ? SlaStatus.BREACHED : SlaStatus.MET;
		}
		if (this.state == ClockState.RUNNING) {
			schedule(calendar);
		}
	}

	/** Computes when the running clock warns and breaches. */
	private void schedule(BusinessCalendar calendar) {
		long left = Math.max(0, this.targetMinutes - this.elapsedMinutes);
		this.dueAt = calendar.addMinutes(this.runningSince, left);
		long toWarn = warnThreshold() - this.elapsedMinutes;
		this.warnAt = (toWarn > 0) ? calendar.addMinutes(this.runningSince, toWarn) : this.runningSince;
	}

	/** The status the clock shows now. */
	public SlaStatus status() {
		if (this.outcome != null) {
			return this.outcome;
		}
		if (this.breachedAt != null) {
			return SlaStatus.BREACHED;
		}
		if (this.state == ClockState.PAUSED) {
			return SlaStatus.PAUSED;
		}
		if (this.warnedAt != null) {
			return SlaStatus.WARNING;
		}
		return SlaStatus.ON_TRACK;
	}

	public void warned(Instant at) {
		this.warnedAt = at;
	}

	public void breached(Instant at) {
		this.breachedAt = at;
	}

	/** Replaces the counted minutes by a recalculation over the clock's segments. */
	public void recount(long elapsedMinutes, Instant now) {
		this.elapsedMinutes = elapsedMinutes;
		this.recalculatedAt = now;
	}

	public void setPriority(int priority) {
		this.priority = priority;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public void setCalendarId(long calendarId) {
		this.calendarId = calendarId;
	}

	public Long getId() {
		return this.id;
	}

	public long getItemId() {
		return this.itemId;
	}

	public String getItemType() {
		return this.itemType;
	}

	public ClockKind getKind() {
		return this.kind;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public int getPriority() {
		return this.priority;
	}

	public long getCalendarId() {
		return this.calendarId;
	}

	public int getTargetMinutes() {
		return this.targetMinutes;
	}

	public int getWarnPercent() {
		return this.warnPercent;
	}

	public ClockState getState() {
		return this.state;
	}

	public long getElapsedMinutes() {
		return this.elapsedMinutes;
	}

	public Instant getRunningSince() {
		return this.runningSince;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getWarnAt() {
		return this.warnAt;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public Instant getWarnedAt() {
		return this.warnedAt;
	}

	public Instant getBreachedAt() {
		return this.breachedAt;
	}

	public Instant getStoppedAt() {
		return this.stoppedAt;
	}

	public SlaStatus getOutcome() {
		return this.outcome;
	}

	public Instant getRecalculatedAt() {
		return this.recalculatedAt;
	}

}
