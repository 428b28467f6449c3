package org.yunwei.calendar.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "cal_calendar")
@AuditRecordType("calendar")
public class CalendarEntity implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String code;

	private String nameZh;

	private String nameEn;

	private String zone;

	@Column(name = "is_default")
	private boolean defaultCalendar;

	private Instant createdAt;

	private Instant updatedAt;

	protected CalendarEntity() {
	}

	public CalendarEntity(String code, String nameZh, String nameEn, String zone, boolean defaultCalendar,
			Instant now) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.zone = zone;
		this.defaultCalendar = defaultCalendar;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.nameZh + " (" + this.code + ")";
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public String getCode() {
		return this.code;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getZone() {
		return this.zone;
	}

	public boolean isDefaultCalendar() {
		return this.defaultCalendar;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
