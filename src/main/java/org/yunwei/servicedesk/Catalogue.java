package org.yunwei.servicedesk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.fields.CustomFields;
import org.yunwei.fields.FieldScope;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.servicedesk.internal.CatalogueItem;
import org.yunwei.servicedesk.internal.CatalogueItemRepository;
import org.yunwei.workitem.WorkItems;
import org.yunwei.workitem.Workflows;

/**
 * The service catalogue (7.8, 8.4.2 a): the items department users may ask for on the
 * portal. Each item has its own form fields (the custom-field scope
 * {@code catalogue:<code>}, administered on the custom-field page) and its own fulfilment
 * workflow (the variant {@code <code>} of the request type's workflow, edited in the
 * workflow editor: approvals, tasks for other groups …); it names the service it belongs
 * to and the group that fulfils it. Items are never deleted, only withdrawn, so the
 * requests raised from them keep their meaning.
 */
@Service
@Transactional
public class Catalogue implements FieldScope.Contributor {

	/** Maintain the catalogue. */
	public static final String MANAGE = "catalogue:manage";

	/** The work-item type of what the catalogue's items raise. */
	public static final String REQUEST_TYPE = "request";

	private static final String APPROVAL_WORKFLOW = "workflows/request-approval.json";

	private final CatalogueItemRepository items;

	private final AccessControl access;

	private final Directory directory;

	private final WorkItems workItems;

	private final Workflows workflows;

	private final CustomFields fields;

	private final Clock clock;

	Catalogue(CatalogueItemRepository items, AccessControl access, Directory directory, WorkItems workItems,
			Workflows workflows, CustomFields fields, Clock clock) {
		this.items = items;
		this.access = access;
		this.directory = directory;
		this.workItems = workItems;
		this.workflows = workflows;
		this.fields = fields;
		this.clock = clock;
	}

	/** The custom-field scope of an item's form. */
	public static String fieldScope(String code) {
		return "catalogue:" + code;
	}

	/**
	 * The items in use, by category, for whoever may raise or handle requests; with
	 * {@code all}, withdrawn ones too (for those who maintain the catalogue).
	 */
	@Transactional(readOnly = true)
	public List<CatalogueItemView> list(boolean all) {
		if (all) {
			this.access.require(MANAGE);
			return views(this.items.findAllByOrderByCategoryZhAscSortOrderAscCodeAsc());
		}
		requireReader();
		return views(this.items.findByActiveTrueOrderByCategoryZhAscSortOrderAscCodeAsc());
	}

	/** An item by its code; a withdrawn one only for those who maintain the catalogue. */
	@Transactional(readOnly = true)
	public CatalogueItemView get(String code) {
		CatalogueItem item = find(code);
		if (!item.isActive()) {
			this.access.require(MANAGE);
		}
		else {
			requireReader();
		}
		return view(item, names(List.of(item)), true);
	}

	public CatalogueItemView create(CatalogueItemFormData form) {
		CurrentUser me = this.access.require(MANAGE);
		if (this.items.findByCode(form.getCode()).isPresent()) {
			throw new ValidationFailed("code", "catalogue.error.codeTaken", form.getCode());
		}
		check(form);
		CatalogueItem item = new CatalogueItem(form.getCode(), this.clock.instant());
		apply(item, form);
		item = this.items.saveAndFlush(item);
		if (form.isApproval()) {
			this.workflows.installVariant(REQUEST_TYPE, item.getCode(), APPROVAL_WORKFLOW, me.username());
		}
		return view(item, names(List.of(item)), true);
	}

	/** Changes an item (its code stays: requests and fields refer to it). */
	public CatalogueItemView update(String code, CatalogueItemFormData form) {
		this.access.require(MANAGE);
		CatalogueItem item = find(code);
		if (form.getVersion() == null || form.getVersion() != item.getVersion()) {
			throw Conflict.staleVersion("catalogueItem", code);
		}
		if (form.getCode() != null && !form.getCode().equals(code)) {
			throw new ValidationFailed("code", "catalogue.error.codeFixed");
		}
		check(form);
		apply(item, form);
		item.touch(this.clock.instant());
		this.items.flush();
		return view(item, names(List.of(item)), true);
	}

	@Override
	public List<FieldScope> scopes() {
		return this.items.findAllByOrderByCategoryZhAscSortOrderAscCodeAsc()
			.stream()
			.map((i) -> new FieldScope(fieldScope(i.getCode()), "catalogue.fieldScope", i.getNameZh(), i.getNameEn()))
			.toList();
	}

	/**
	 * The item a request was raised from, by its id, with its form (for the service desk:
	 * whoever may read the request may read what it was raised from).
	 */
	CatalogueItemView view(long id) {
		CatalogueItem item = this.items.findById(id).orElseThrow(() -> NotFound.of("catalogueItem", id));
		return view(item, names(List.of(item)), true);
	}

	CatalogueItem active(String code) {
		CatalogueItem item = find(code);
		if (!item.isActive()) {
			throw new ValidationFailed("catalogueItem", "catalogue.error.withdrawn", code);
		}
		return item;
	}

	private CatalogueItem find(String code) {
		return this.items.findByCode(code).orElseThrow(() -> NotFound.of("catalogueItem", code));
	}

	private void requireReader() {
		if (!isReader()) {
			throw Forbidden.missing("request:read");
		}
	}

	/**
	 * Whether the signed-in person may see the catalogue (ask for or handle requests).
	 */
	@Transactional(readOnly = true)
	public boolean isReader() {
		CurrentUser me = this.access.user();
		return me.has(MANAGE) || me.has("request:submit") || me.has("request:read");
	}

	private void check(CatalogueItemFormData form) {
		List<ValidationFailed.Violation> violations = new ArrayList<>();
		if (form.getGroupId() != null && !this.directory.isActiveGroup(form.getGroupId())) {
			violations.add(new ValidationFailed.Violation("groupId", "workitem.error.unknownGroup",
					List.of(form.getGroupId())));
		}
		if (form.getServiceId() != null && !this.workItems.serviceInUse(form.getServiceId())) {
			violations.add(new ValidationFailed.Violation("serviceId", "workitem.error.unknownService",
					List.of(form.getServiceId())));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
	}

	private static void apply(CatalogueItem item, CatalogueItemFormData form) {
		item.setNameZh(form.getNameZh().strip());
		item.setNameEn(form.getNameEn().strip());
		item.setDescriptionZh(blankToNull(form.getDescriptionZh()));
		item.setDescriptionEn(blankToNull(form.getDescriptionEn()));
		item.setCategoryZh(form.getCategoryZh().strip());
		item.setCategoryEn(form.getCategoryEn().strip());
		item.setIcon((form.getIcon() == null || form.getIcon().isBlank()) ? "box-seam" : form.getIcon());
		item.setServiceId(form.getServiceId());
		item.setGroupId(form.getGroupId());
		item.setSortOrder(form.getSortOrder());
		item.setActive(form.isActive());
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private record Names(Map<Long, String> groups, Map<Long, String> services, Map<String, Integer> workflows) {
	}

	private Names names(List<CatalogueItem> all) {
		Set<Long> groups = all.stream()
			.map(CatalogueItem::getGroupId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, String> services = this.workItems.serviceNames(
				all.stream().map(CatalogueItem::getServiceId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return new Names(this.directory.groupNames(groups), services, this.workflows.variants(REQUEST_TYPE));
	}

	private List<CatalogueItemView> views(List<CatalogueItem> all) {
		Names names = names(all);
		return all.stream().map((i) -> view(i, names, false)).toList();
	}

	/** An item; its form fields only when asked (a list shows none). */
	private CatalogueItemView view(CatalogueItem i, Names names, boolean withFields) {
		return new CatalogueItemView(i.getId(), i.getVersion(), i.getCode(), i.getNameZh(), i.getNameEn(),
				i.getDescriptionZh(), i.getDescriptionEn(), i.getCategoryZh(), i.getCategoryEn(), i.getIcon(),
				i.getServiceId(), names.services().get(i.getServiceId()), i.getGroupId(),
				names.groups().get(i.getGroupId()), i.getSortOrder(), i.isActive(),
				withFields ? this.fields.active(fieldScope(i.getCode())) : List.of(),
				names.workflows().getOrDefault(i.getCode(), 0));
	}

}
