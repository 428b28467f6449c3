package org.yunwei.calendar.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.calendar.DayKind;
import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "cal_day")
@AuditRecordType("calendarDay")
public class CalendarDay implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long calendarId;

	@Column(name = "cal_date")
	private LocalDate date;

	@Enumerated(EnumType.STRING)
	private DayKind kind;

	private String nameZh;

	private String nameEn;

	private String source;

	protected CalendarDay() {
	}

	public CalendarDay(long calendarId, LocalDate date, DayKind kind, String nameZh, String nameEn, String source) {
		this.calendarId = calendarId;
		this.date = date;
		this.kind = kind;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.source = source;
	}

	@Override
	public String auditSummary() {
		return this.date + " " + this.kind + " " + this.nameZh;
	}

	public Long getId() {
		return this.id;
	}

	public long getCalendarId() {
		return this.calendarId;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public DayKind getKind() {
		return this.kind;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getSource() {
		return this.source;
	}

}
