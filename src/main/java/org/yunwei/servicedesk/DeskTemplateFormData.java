package org.yunwei.servicedesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A template as the service desk's lead writes it: a ticket template names the kind of
 * ticket and may set its title, urgency, impact and service, its body is the description;
 * a canned reply has only a name and its text.
 */
public class DeskTemplateFormData {

	private Integer version;

	@NotNull
	private TemplateKind kind = TemplateKind.REPLY;

	@NotBlank
	@Size(max = 100)
	private String name;

	private TicketKind ticketKind;

	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 20000)
	private String body;

	@Min(1)
	@Max(3)
	private Integer urgency;

	@Min(1)
	@Max(3)
	private Integer impact;

	private Long serviceId;

	private boolean active = true;

	public static DeskTemplateFormData of(DeskTemplateView t) {
		DeskTemplateFormData f = new DeskTemplateFormData();
		f.version = t.version();
		f.kind = t.kind();
		f.name = t.name();
		f.ticketKind = t.ticketKind();
		f.title = t.title();
		f.body = t.body();
		f.urgency = t.urgency();
		f.impact = t.impact();
		f.serviceId = t.serviceId();
		f.active = t.active();
		return f;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public TemplateKind getKind() {
		return this.kind;
	}

	public void setKind(TemplateKind kind) {
		this.kind = kind;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public TicketKind getTicketKind() {
		return this.ticketKind;
	}

	public void setTicketKind(TicketKind ticketKind) {
		this.ticketKind = ticketKind;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Integer getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Integer urgency) {
		this.urgency = urgency;
	}

	public Integer getImpact() {
		return this.impact;
	}

	public void setImpact(Integer impact) {
		this.impact = impact;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
