package org.yunwei.document.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.document.DocumentFilter;
import org.yunwei.document.DocumentFormData;
import org.yunwei.document.DocumentManagement;
import org.yunwei.document.DocumentState;
import org.yunwei.document.DocumentType;
import org.yunwei.document.DocumentView;
import org.yunwei.document.VersionFormData;
import org.yunwei.document.VersionView;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.platform.web.FileDownloads;
import org.yunwei.platform.web.FormErrors;

/**
 * Controlled documents in the browser: the register with its filters, a new document, a
 * document's page (the version in effect, the version under way, every earlier version),
 * the draft editor with its files, submission for approval, withdrawal, and the document
 * panel on the pages of its approval and review records.
 */
@Controller
@RequestMapping("/documents")
class DocumentController {

	private final DocumentManagement documents;

	private final Directory directory;

	private final StandardClauses clauses;

	private final AccessControl access;

	DocumentController(DocumentManagement documents, Directory directory, StandardClauses clauses,
			AccessControl access) {
		this.documents = documents;
		this.directory = directory;
		this.clauses = clauses;
		this.access = access;
	}

	@GetMapping
	String list(@RequestParam(required = false) DocumentType type, @RequestParam(required = false) DocumentState state,
			@RequestParam(required = false) String clause, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) String q, @RequestParam(required = false) boolean due,
			@RequestParam(required = false) String after, Model model, HtmxRequest htmx) {
		DocumentFilter filter = new DocumentFilter(type, state, blankToNull(clause), ownerId, blankToNull(q), due);
		model.addAttribute("page", this.documents.list(filter, after, null));
		model.addAttribute("filter", filter);
		model.addAttribute("query", query(filter));
		if (htmx.isHtmxRequest()) {
			return (after != null) ? "document/list :: more" : "document/list :: results";
		}
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("states", DocumentState.values());
		model.addAttribute("clauses", this.clauses.all());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("canWrite", this.access.has(DocumentManagement.WRITE));
		model.addAttribute("reminderDays", this.documents.reminderDays());
		return "document/list";
	}

	@GetMapping("/new")
	String newDocument(@RequestParam(required = false) DocumentType type, Model model) {
		this.access.require(DocumentManagement.WRITE);
		DocumentFormData form = new DocumentFormData();
		form.setType(type);
		form.setOwnerId(this.access.user().id());
		if (type == DocumentType.SOP) {
			form.getClauses().add("8.4.1");
		}
		model.addAttribute("form", form);
		return formPage(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") DocumentFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				DocumentView created = this.documents.create(form);
				redirect.addFlashAttribute("flash", "document.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.number() });
				return "redirect:/documents/" + created.number() + "/draft";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return formPage(model, null);
	}

	@GetMapping("/{number}")
	String detail(@PathVariable String number, Model model) {
		DocumentView d = this.documents.get(number);
		model.addAttribute("doc", d);
		model.addAttribute("canEdit", this.documents.canEdit(d));
		model.addAttribute("shown", d.current());
		return "document/detail";
	}

	@GetMapping("/{number}/versions/{label}")
	String version(@PathVariable String number, @PathVariable String label, Model model) {
		DocumentView d = this.documents.get(number);
		model.addAttribute("doc", d);
		model.addAttribute("canEdit", this.documents.canEdit(d));
		model.addAttribute("shown", this.documents.version(number, label));
		return "document/detail";
	}

	@GetMapping("/{number}/edit")
	String edit(@PathVariable String number, Model model) {
		DocumentView d = this.documents.get(number);
		model.addAttribute("form", DocumentFormData.of(d));
		return formPage(model, d);
	}

	@PostMapping("/{number}")
	String update(@PathVariable String number, @Valid @ModelAttribute("form") DocumentFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		DocumentView d = this.documents.get(number);
		if (!errors.hasErrors()) {
			try {
				this.documents.update(d.id(), form);
				redirect.addFlashAttribute("flash", "document.saved");
				return "redirect:/documents/" + d.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return formPage(model, d);
	}

	@PostMapping("/{number}/retire")
	String retire(@PathVariable String number, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		DocumentView d = this.documents.get(number);
		try {
			this.documents.retire(d.id(), reason);
			redirect.addFlashAttribute("flash", "document.retired");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/documents/" + d.number();
	}

	// ---- the draft

	@GetMapping("/{number}/draft")
	String draft(@PathVariable String number, Model model) {
		DocumentView d = this.documents.get(number);
		if (d.pending() == null || !d.pending().state().editable()) {
			return "redirect:/documents/" + d.number();
		}
		model.addAttribute("form", VersionFormData.of(d.pending()));
		return draftPage(model, d);
	}

	@PostMapping("/{number}/draft/new")
	String newDraft(@PathVariable String number, RedirectAttributes redirect) {
		DocumentView d = this.documents.get(number);
		try {
			VersionView v = this.documents.newDraft(d.id());
			redirect.addFlashAttribute("flash", "document.draftStarted");
			redirect.addFlashAttribute("flashArgs", new Object[] { v.label() });
			return "redirect:/documents/" + d.number() + "/draft";
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			return "redirect:/documents/" + d.number();
		}
	}

	@PostMapping("/{number}/draft")
	String saveDraft(@PathVariable String number, @Valid @ModelAttribute("form") VersionFormData form,
			BindingResult errors, @RequestParam(required = false) String submit, Model model,
			RedirectAttributes redirect) {
		DocumentView d = this.documents.get(number);
		if (!errors.hasErrors()) {
			try {
				this.documents.saveDraft(d.id(), form);
				if (submit != null) {
					VersionView v = this.documents.submit(d.id());
					redirect.addFlashAttribute("flash", "document.submitted");
					redirect.addFlashAttribute("flashArgs", new Object[] { v.label(), v.approvalNumber() });
					return "redirect:/documents/" + d.number();
				}
				redirect.addFlashAttribute("flash", "document.draftSaved");
				return "redirect:/documents/" + d.number() + "/draft";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return draftPage(model, this.documents.get(number));
	}

	@PostMapping("/{number}/draft/discard")
	String discard(@PathVariable String number, RedirectAttributes redirect) {
		DocumentView d = this.documents.get(number);
		try {
			this.documents.discardDraft(d.id());
			redirect.addFlashAttribute("flash", "document.draftDiscarded");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/documents/" + d.number();
	}

	@PostMapping("/{number}/draft/files")
	String attach(@PathVariable String number, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		DocumentView d = this.documents.get(number);
		try {
			this.documents.attach(d.id(), file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("flash", "attachment.added");
			redirect.addFlashAttribute("flashArgs", new Object[] { file.getOriginalFilename() });
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/documents/" + d.number() + "/draft#files";
	}

	@PostMapping("/{number}/draft/files/{fileId}/delete")
	String detach(@PathVariable String number, @PathVariable long fileId, RedirectAttributes redirect) {
		DocumentView d = this.documents.get(number);
		try {
			this.documents.detach(d.id(), fileId);
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/documents/" + d.number() + "/draft#files";
	}

	@GetMapping("/{number}/files/{fileId}")
	ResponseEntity<Resource> download(@PathVariable String number, @PathVariable long fileId) throws IOException {
		VersionView.FileView f = this.documents.file(number, fileId);
		return FileDownloads.of(f.fileName(), f.contentType(), f.size(), this.documents.content(number, fileId));
	}

	/**
	 * The document an approval or review record is about, shown on that record's page.
	 */
	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		this.documents.forApproval(itemId).ifPresent((d) -> {
			model.addAttribute("doc", d);
			model.addAttribute("shown", this.documents.approvedVersion(itemId).orElse(null));
		});
		if (!model.containsAttribute("doc")) {
			this.documents.forReview(itemId).ifPresent((d) -> {
				model.addAttribute("doc", d);
				model.addAttribute("shown", d.current());
			});
		}
		return "document/panel :: panel";
	}

	// ---- helpers

	private String formPage(Model model, DocumentView d) {
		model.addAttribute("doc", d);
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("clauses", this.clauses.all());
		List<Directory.Entry> users = new ArrayList<>(this.directory.activeUsers());
		if (d != null && users.stream().noneMatch((u) -> u.id() == d.owner().id())) {
			users.add(new Directory.Entry(d.owner().id(), d.owner().name(), null));
		}
		model.addAttribute("users", users);
		return "document/form";
	}

	private String draftPage(Model model, DocumentView d) {
		model.addAttribute("doc", d);
		model.addAttribute("draft", d.pending());
		return "document/draft";
	}

	static String query(DocumentFilter f) {
		List<String> parts = new ArrayList<>();
		if (f.type() != null) {
			parts.add("type=" + f.type());
		}
		if (f.state() != null) {
			parts.add("state=" + f.state());
		}
		if (f.clause() != null) {
			parts.add("clause=" + f.clause());
		}
		if (f.ownerId() != null) {
			parts.add("ownerId=" + f.ownerId());
		}
		if (f.q() != null) {
			parts.add("q=" + java.net.URLEncoder.encode(f.q(), java.nio.charset.StandardCharsets.UTF_8));
		}
		if (f.reviewDue()) {
			parts.add("due=true");
		}
		return String.join("&", parts);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
