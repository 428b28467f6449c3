package org.yunwei.servicedesk;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.servicedesk.internal.DeskTemplate;
import org.yunwei.servicedesk.internal.DeskTemplateRepository;
import org.yunwei.workitem.WorkItems;

/**
 * The service desk's ticket templates (a familiar fault taken on the phone in two clicks)
 * and canned replies (the answer agents give again and again). The desk's lead maintains
 * them ({@value #MANAGE}); whoever handles tickets uses them. Never deleted, only
 * withdrawn.
 */
@Service
@Transactional
public class DeskTemplates {

	/** Maintain templates and canned replies. */
	public static final String MANAGE = "desk:manage";

	private final DeskTemplateRepository templates;

	private final AccessControl access;

	private final WorkItems items;

	private final Clock clock;

	DeskTemplates(DeskTemplateRepository templates, AccessControl access, WorkItems items, Clock clock) {
		this.templates = templates;
		this.access = access;
		this.items = items;
		this.clock = clock;
	}

	/** Every template, withdrawn ones too, for the one who maintains them. */
	@Transactional(readOnly = true)
	public List<DeskTemplateView> all() {
		this.access.require(MANAGE);
		return views(this.templates.findAllByOrderByKindAscNameAsc());
	}

	/** The templates of a kind in use, for whoever handles tickets. */
	@Transactional(readOnly = true)
	public List<DeskTemplateView> active(TemplateKind kind) {
		requireAgent();
		return views(this.templates.findByKindAndActiveTrueOrderByNameAsc(kind));
	}

	@Transactional(readOnly = true)
	public DeskTemplateView get(long id) {
		DeskTemplate t = find(id);
		if (t.isActive()) {
			requireAgent();
		}
		else {
			this.access.require(MANAGE);
		}
		return views(List.of(t)).get(0);
	}

	public DeskTemplateView create(DeskTemplateFormData form) {
		this.access.require(MANAGE);
		check(form, null);
		DeskTemplate t = new DeskTemplate(form.getKind(), this.clock.instant());
		apply(t, form);
		return views(List.of(this.templates.saveAndFlush(t))).get(0);
	}

	public DeskTemplateView update(long id, DeskTemplateFormData form) {
		this.access.require(MANAGE);
		DeskTemplate t = find(id);
		if (form.getVersion() == null || form.getVersion() != t.getVersion()) {
			throw Conflict.staleVersion("deskTemplate", id);
		}
		if (form.getKind() != t.getKind()) {
			throw new ValidationFailed("kind", "desk.error.kindFixed");
		}
		check(form, t.getId());
		apply(t, form);
		t.touch(this.clock.instant());
		this.templates.flush();
		return views(List.of(t)).get(0);
	}

	private void requireAgent() {
		CurrentUser me = this.access.user();
		if (!TicketKind.handledBy(me) && !me.has(MANAGE)) {
			throw Forbidden.missing("incident:write");
		}
	}

	private void check(DeskTemplateFormData form, Long id) {
		this.templates.findByKindAndName(form.getKind(), form.getName().strip())
			.filter((other) -> !other.getId().equals(id))
			.ifPresent((other) -> {
				throw new ValidationFailed("name", "desk.error.nameTaken", form.getName().strip());
			});
		if (form.getKind() == TemplateKind.TICKET) {
			if (form.getTicketKind() == null) {
				throw new ValidationFailed("ticketKind", "desk.error.ticketTemplateField");
			}
			if (form.getTitle() == null || form.getTitle().isBlank()) {
				throw new ValidationFailed("title", "desk.error.ticketTemplateField");
			}
		}
		if (form.getServiceId() != null && !this.items.serviceInUse(form.getServiceId())) {
			throw new ValidationFailed("serviceId", "workitem.error.unknownService", form.getServiceId());
		}
	}

	private static void apply(DeskTemplate t, DeskTemplateFormData form) {
		boolean ticket = form.getKind() == TemplateKind.TICKET;
		t.setName(form.getName().strip());
		t.setBody(form.getBody().strip());
		t.setTicketKind(ticket ? form.getTicketKind() : null);
		t.setTitle(ticket ? form.getTitle().strip() : null);
		t.setUrgency(ticket ? form.getUrgency() : null);
		t.setImpact(ticket ? form.getImpact() : null);
		t.setServiceId(ticket ? form.getServiceId() : null);
		t.setActive(form.isActive());
	}

	private DeskTemplate find(long id) {
		return this.templates.findById(id).orElseThrow(() -> NotFound.of("deskTemplate", id));
	}

	private List<DeskTemplateView> views(List<DeskTemplate> all) {
		Map<Long, String> services = this.items.serviceNames(
				all.stream().map(DeskTemplate::getServiceId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return all.stream()
			.map((t) -> new DeskTemplateView(t.getId(), t.getVersion(), t.getKind(), t.getName(), t.getTicketKind(),
					t.getTitle(), t.getBody(), t.getUrgency(), t.getImpact(), t.getServiceId(),
					services.get(t.getServiceId()), t.isActive(), t.getUpdatedAt()))
			.toList();
	}

}
