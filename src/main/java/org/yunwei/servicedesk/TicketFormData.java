package org.yunwei.servicedesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a requester says when raising a ticket on the portal: what is wrong or wanted, in
 * their words, how urgent it is for them, about which service, and for a request from the
 * catalogue, which item and the answers to its form.
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

	/**
	 * Who the ticket is for, when someone else raises it for them (the service desk
	 * taking a call); empty: the one who raises it.
	 */
	private Long requesterId;

	/** The configuration items it concerns (monitoring knows them; staff only). */
	private java.util.List<Long> ciIds = new java.util.ArrayList<>();

	/** How widely it is felt, when the service desk knows (empty: the type's default). */
	@Min(1)
	@Max(3)
	private Integer impact;

	/** The catalogue item asked for (a request only), by its code. */
	private String catalogueItem;

	/** The answers to the catalogue item's form, by field code. */
	private java.util.Map<String, Object> customFields = new java.util.LinkedHashMap<>();

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

	public String getCatalogueItem() {
		return this.catalogueItem;
	}

	public void setCatalogueItem(String catalogueItem) {
		this.catalogueItem = catalogueItem;
	}

	public java.util.Map<String, Object> getCustomFields() {
		return this.customFields;
	}

	public void setCustomFields(java.util.Map<String, Object> customFields) {
		this.customFields = (customFields == null) ? new java.util.LinkedHashMap<>() : customFields;
	}

	/** Whether a choice is among the answers to a field (for the form). */
	public boolean chosen(String code, String value) {
		return org.yunwei.fields.CustomFields.chosen(this.customFields.get(code), value);
	}

	public Long getRequesterId() {
		return this.requesterId;
	}

	public void setRequesterId(Long requesterId) {
		this.requesterId = requesterId;
	}

	public Integer getImpact() {
		return this.impact;
	}

	public void setImpact(Integer impact) {
		this.impact = impact;
	}

	public java.util.List<Long> getCiIds() {
		return this.ciIds;
	}

	public void setCiIds(java.util.List<Long> ciIds) {
		this.ciIds = (ciIds == null) ? new java.util.ArrayList<>() : ciIds;
	}

}
