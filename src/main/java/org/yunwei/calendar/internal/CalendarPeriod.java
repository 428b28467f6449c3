package org.yunwei.calendar.internal;

import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "cal_period")
@AuditRecordType("calendarPeriod")
public class CalendarPeriod implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long calendarId;

	private int weekday;

	private LocalTime startTime;

	private LocalTime endTime;

	protected CalendarPeriod() {
	}

	public CalendarPeriod(long calendarId, int weekday, LocalTime startTime, LocalTime endTime) {
		this.calendarId = calendarId;
		this.weekday = weekday;
		this.startTime = startTime;
		// 24:00 is kept as 23:59:59, which every database stores as it is
		this.endTime = endTime.equals(LocalTime.MAX) ? LocalTime.of(23, 59, 59) : endTime;
	}

	@Override
	public String auditSummary() {
		return "calendar " + this.calendarId + " weekday " + this.weekday + " " + this.startTime + "–" + this.endTime;
	}

	public long getCalendarId() {
		return this.calendarId;
	}

	public int getWeekday() {
		return this.weekday;
	}

	public LocalTime getStartTime() {
		return this.startTime;
	}

	/**
	 * The end; 24:00 is stored as 23:59:59 and reads as {@link LocalTime#MAX}.
	 */
	public LocalTime getEndTime() {
		return this.endTime.isAfter(LocalTime.of(23, 59, 58)) ? LocalTime.MAX : this.endTime;
	}

}
