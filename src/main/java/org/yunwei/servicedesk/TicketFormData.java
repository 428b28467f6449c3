package org.yunwei.servicedesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a requester says when raising a ticket on the portal: what is wrong or wanted, in
 * their words, how urgent it is for them, and about which service.
 */
public class TicketFormData {

	@NotNull
	private TicketKind kind = TicketKind.INCIDENT;

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 20000)
	private String description;

	@Min(1)
	@Max(3)
	private int urgency = 3;

	private Long serviceId;

	public TicketKind getKind() {
		return this.kind;
	}

	public void setKind(TicketKind kind) {
		this.kind = kind;
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

	public int getUrgency() {
		return this.urgency;
	}

	public void setUrgency(int urgency) {
		this.urgency = urgency;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

}
