package org.yunwei.servicedesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A catalogue item as its administrator writes it. {@code approval} chooses, when the
 * item is created, whether its fulfilment workflow starts with an approval; the workflow
 * is then edited like any other.
 */
public class CatalogueItemFormData {

	private Integer version;

	@NotBlank
	@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String nameZh;

	@NotBlank
	@Size(max = 100)
	private String nameEn;

	@Size(max = 2000)
	private String descriptionZh;

	@Size(max = 2000)
	private String descriptionEn;

	@NotBlank
	@Size(max = 60)
	private String categoryZh;

	@NotBlank
	@Size(max = 60)
	private String categoryEn;

	@Pattern(regexp = "[a-z0-9-]{0,40}")
	private String icon = "box-seam";

	private Long serviceId;

	private Long groupId;

	@Min(0)
	@Max(9999)
	private int sortOrder = 100;

	private boolean active = true;

	private boolean approval;

	public static CatalogueItemFormData of(CatalogueItemView item) {
		CatalogueItemFormData f = new CatalogueItemFormData();
		f.version = item.version();
		f.code = item.code();
		f.nameZh = item.nameZh();
		f.nameEn = item.nameEn();
		f.descriptionZh = item.descriptionZh();
		f.descriptionEn = item.descriptionEn();
		f.categoryZh = item.categoryZh();
		f.categoryEn = item.categoryEn();
		f.icon = item.icon();
		f.serviceId = item.serviceId();
		f.groupId = item.groupId();
		f.sortOrder = item.sortOrder();
		f.active = item.active();
		return f;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
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

	public boolean isApproval() {
		return this.approval;
	}

	public void setApproval(boolean approval) {
		this.approval = approval;
	}

}
