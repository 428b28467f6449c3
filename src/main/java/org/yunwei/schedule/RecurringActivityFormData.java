package org.yunwei.schedule;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A recurring activity as its form and REST edit it. The rule is an RFC 5545 RRULE
 * ({@code FREQ=DAILY}, {@code FREQ=WEEKLY;BYDAY=MO}, {@code FREQ=MONTHLY;BYMONTHDAY=1}
 * …), read from the start date at the start time in the calendar's time zone.
 */
public class RecurringActivityFormData {

	@NotBlank
	private String type = "routine";

	@NotBlank
	@Size(max = 200)
	private String title;

	@Size(max = 20000)
	private String description;

	@NotBlank
	@Size(max = 500)
	private String rrule = "FREQ=DAILY";

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime startTime = LocalTime.of(9, 0);

	private Long calendarId;

	@NotNull
	private NonWorkingDayPolicy policy = NonWorkingDayPolicy.SKIP;

	@NotNull
	@Min(1)
	@Max(60 * 24 * 60)
	private Integer dueMinutes = 240;

	private Long groupId;

	private Long serviceId;

	/** The checklist copied to every task: one point per line. */
	@jakarta.validation.constraints.Size(max = 20000)
	private String checklist;

	/**
	 * The SOP the activity follows: each task gets the steps of the SOP's version in
	 * effect at that moment as its checklist (instead of {@code checklist}).
	 */
	private Long sopDocumentId;

	private Long assigneeId;

	@Min(1)
	@Max(3)
	private int impact = 3;

	@Min(1)
	@Max(3)
	private int urgency = 3;

	private boolean active = true;

	private Integer version;

	public static RecurringActivityFormData of(RecurringActivityView a) {
		RecurringActivityFormData f = new RecurringActivityFormData();
		f.type = a.type();
		f.title = a.title();
		f.description = a.description();
		f.rrule = a.rrule();
		f.startDate = a.start().toLocalDate();
		f.startTime = a.start().toLocalTime();
		f.calendarId = a.calendarId();
		f.policy = a.policy();
		f.dueMinutes = a.dueMinutes();
		f.groupId = a.groupId();
		f.serviceId = a.serviceId();
		f.checklist = a.checklist();
		f.sopDocumentId = a.sopDocumentId();
		f.assigneeId = a.assigneeId();
		f.impact = a.impact();
		f.urgency = a.urgency();
		f.active = a.active();
		f.version = a.version();
		return f;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getRrule() {
		return this.rrule;
	}

	public void setRrule(String rrule) {
		this.rrule = rrule;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalTime getStartTime() {
		return this.startTime;
	}

	public void setStartTime(LocalTime startTime) {
		this.startTime = startTime;
	}

	public Long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public NonWorkingDayPolicy getPolicy() {
		return this.policy;
	}

	public void setPolicy(NonWorkingDayPolicy policy) {
		this.policy = policy;
	}

	public Integer getDueMinutes() {
		return this.dueMinutes;
	}

	public void setDueMinutes(Integer dueMinutes) {
		this.dueMinutes = dueMinutes;
	}

	public Long getSopDocumentId() {
		return this.sopDocumentId;
	}

	public void setSopDocumentId(Long sopDocumentId) {
		this.sopDocumentId = sopDocumentId;
	}

	public String getChecklist() {
		return this.checklist;
	}

	public void setChecklist(String checklist) {
		this.checklist = checklist;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public int getImpact() {
		return this.impact;
	}

	public void setImpact(int impact) {
		this.impact = impact;
	}

	public int getUrgency() {
		return this.urgency;
	}

	public void setUrgency(int urgency) {
		this.urgency = urgency;
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
