package org.yunwei.servicedesk.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

/** An item of the service catalogue: what may be asked for, and who fulfils it. */
@Entity
@Table(name = "sd_catalogue_item")
@AuditRecordType("catalogueItem")
public class CatalogueItem implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String code;

	private String nameZh;

	private String nameEn;

	private String descriptionZh;

	private String descriptionEn;

	private String categoryZh;

	private String categoryEn;

	private String icon;

	private Long serviceId;

	private Long groupId;

	private int sortOrder;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	protected CatalogueItem() {
	}

	public CatalogueItem(String code, Instant now) {
		this.code = code;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.code + " " + this.nameZh;
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

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescriptionZh() {
		return this.descriptionZh;
	}

	public void setDescriptionZh(String descriptionZh) {
		this.descriptionZh = descriptionZh;
	}

	public String getDescriptionEn() {
		return this.descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public String getCategoryZh() {
		return this.categoryZh;
	}

	public void setCategoryZh(String categoryZh) {
		this.categoryZh = categoryZh;
	}

	public String getCategoryEn() {
		return this.categoryEn;
	}

	public void setCategoryEn(String categoryEn) {
		this.categoryEn = categoryEn;
	}

	public String getIcon() {
		return this.icon;
	}

	public void setIcon(String icon) {
		this.icon = icon;
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

	public int getSortOrder() {
		return this.sortOrder;
	}

	public void setSortOrder(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
