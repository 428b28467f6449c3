package org.yunwei.knowledge.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.Incidents;
import org.yunwei.knowledge.ArticleFilter;
import org.yunwei.knowledge.ArticleFormData;
import org.yunwei.knowledge.ArticleRow;
import org.yunwei.knowledge.ArticleState;
import org.yunwei.knowledge.ArticleView;
import org.yunwei.knowledge.Knowledge;
import org.yunwei.knowledge.Visibility;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.search.Search;
import org.yunwei.platform.web.FileDownloads;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The knowledge base's pages: browsing by category and searching, an article with its
 * versions, editing and submitting it, "was this helpful", files, drafting from a
 * resolved ticket, the panel on tickets and review items, and the knowledge-gap report.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

	private final Knowledge knowledge;

	private final Incidents incidents;

	private final Directory directory;

	private final Search search;

	private final WorkItems items;

	private final AccessControl access;

	KnowledgeController(Knowledge knowledge, Incidents incidents, Directory directory, Search search, WorkItems items,
			AccessControl access) {
		this.knowledge = knowledge;
		this.incidents = incidents;
		this.directory = directory;
		this.search = search;
		this.items = items;
		this.access = access;
	}

	@GetMapping
	String home(@RequestParam(required = false) String q, @RequestParam(required = false) Long category,
			@RequestParam(required = false) ArticleState state, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean reviewDue, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = this.access.user();
		String query = (q == null) ? "" : q.strip();
		model.addAttribute("q", query);
		if (!query.isEmpty()) {
			model.addAttribute("results", this.search.search(query.length() > 200 ? query.substring(0, 200) : query,
					Set.of(Knowledge.SEARCH_KIND), Set.of(), Math.max(0, Math.min(page, 1000)), 20));
		}
		else {
			ArticleState shown = (state == null && !mine && !me.has(Knowledge.WRITE)) ? ArticleState.PUBLISHED : state;
			model.addAttribute("page",
					this.knowledge.list(new ArticleFilter(category, shown, mine, reviewDue), after, 30));
		}
		List<CategoryView> categories = this.incidents.categories().stream().filter(CategoryView::active).toList();
		model.addAttribute("categories", categories);
		model.addAttribute("category", category);
		model.addAttribute("state", state);
		model.addAttribute("mine", mine);
		model.addAttribute("reviewDue", reviewDue);
		model.addAttribute("states", ArticleState.values());
		model.addAttribute("canWrite", me.has(Knowledge.WRITE));
		model.addAttribute("canManage", me.has(Knowledge.MANAGE));
		model.addAttribute("dueCount", me.has(Knowledge.WRITE) ? this.knowledge.reviewDue(me.id(), 100).size() : 0);
		return "knowledge/home";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		this.access.require(Knowledge.WRITE);
		model.addAttribute("form", new ArticleFormData());
		return formPage(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ArticleFormData form, BindingResult errors,
			@RequestParam(required = false) String submit, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				ArticleView created = this.knowledge.create(form);
				if (submit != null) {
					this.knowledge.submit(created.number());
				}
				redirect.addFlashAttribute("flash",
						(submit != null) ? "knowledge.createdSubmitted" : "knowledge.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.number() });
				return "redirect:/knowledge/" + created.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return formPage(model, null);
	}

	@GetMapping("/{number:KB-\\d+}")
	String article(@PathVariable String number, @RequestParam(required = false) Integer version, Model model) {
		ArticleView a = this.knowledge.read(number);
		model.addAttribute("a", a);
		ArticleView.Version shown = (version == null) ? ((a.current() != null) ? a.current() : a.draft())
				: java.util.stream.Stream.of(a.current(), a.draft())
					.filter(java.util.Objects::nonNull)
					.filter((v) -> v.label() == version)
					.findFirst()
					.or(() -> a.history().stream().filter((v) -> v.label() == version).findFirst())
					.orElse(a.current());
		model.addAttribute("shown", shown);
		return "knowledge/article";
	}

	@GetMapping("/{number:KB-\\d+}/edit")
	String edit(@PathVariable String number, Model model) {
		ArticleView a = this.knowledge.get(number);
		model.addAttribute("form", ArticleFormData.of(a));
		return formPage(model, a);
	}

	@PostMapping("/{number:KB-\\d+}")
	String save(@PathVariable String number, @Valid @ModelAttribute("form") ArticleFormData form, BindingResult errors,
			@RequestParam(required = false) String submit, Model model, RedirectAttributes redirect) {
		ArticleView a = this.knowledge.get(number);
		if (!errors.hasErrors()) {
			try {
				this.knowledge.save(number, form);
				if (submit != null) {
					this.knowledge.submit(number);
					redirect.addFlashAttribute("flash", "knowledge.submitted");
				}
				else {
					redirect.addFlashAttribute("flash", "knowledge.saved");
				}
				return "redirect:/knowledge/" + a.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return formPage(model, a);
	}

	private String formPage(Model model, ArticleView a) {
		model.addAttribute("a", a);
		model.addAttribute("categories", this.incidents.categories().stream().filter(CategoryView::active).toList());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("visibilities", Visibility.values());
		return "knowledge/form";
	}

	@PostMapping("/{number:KB-\\d+}/submit")
	String submit(@PathVariable String number, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "knowledge.submitted", () -> this.knowledge.submit(number));
		return "redirect:/knowledge/" + number;
	}

	@PostMapping("/{number:KB-\\d+}/discard")
	String discard(@PathVariable String number, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "knowledge.draftDiscarded", () -> this.knowledge.discardDraft(number));
		return "redirect:/knowledge/" + number;
	}

	@PostMapping("/{number:KB-\\d+}/reviewed")
	String reviewed(@PathVariable String number, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "knowledge.reviewedDone", () -> this.knowledge.reviewed(number));
		return "redirect:/knowledge/" + number;
	}

	@PostMapping("/{number:KB-\\d+}/retire")
	String retire(@PathVariable String number, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "knowledge.retiredDone", () -> this.knowledge.retire(number, reason));
		return "redirect:/knowledge/" + number;
	}

	@PostMapping("/{number:KB-\\d+}/feedback")
	String feedback(@PathVariable String number, @RequestParam boolean helpful,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "knowledge.thanks", () -> this.knowledge.feedback(number, helpful, comment));
		return "redirect:/knowledge/" + number + "#feedback";
	}

	@PostMapping("/{number:KB-\\d+}/files")
	String attach(@PathVariable String number, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		byte[] bytes = file.getBytes();
		if (FormErrors.attempt(redirect, "attachment.added",
				() -> this.knowledge.attach(number, file.getOriginalFilename(), bytes))) {
			redirect.addFlashAttribute("flashArgs", new Object[] { file.getOriginalFilename() });
		}
		return "redirect:/knowledge/" + number + "#files";
	}

	@PostMapping("/{number:KB-\\d+}/files/{fileId}/delete")
	String detach(@PathVariable String number, @PathVariable long fileId, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "knowledge.fileRemoved", () -> this.knowledge.detach(number, fileId));
		return "redirect:/knowledge/" + number + "#files";
	}

	@GetMapping("/{number:KB-\\d+}/files/{fileId}")
	ResponseEntity<Resource> download(@PathVariable String number, @PathVariable long fileId) throws IOException {
		ArticleView.FileView f = this.knowledge.file(number, fileId);
		return FileDownloads.of(f.fileName(), f.contentType(), f.size(), this.knowledge.content(number, fileId));
	}

	/** One click from a resolved ticket to a draft article. */
	@PostMapping("/from/{ticket}")
	String draftFrom(@PathVariable String ticket, RedirectAttributes redirect) {
		try {
			ArticleView a = this.knowledge.draftFrom(ticket);
			redirect.addFlashAttribute("flash", "knowledge.drafted");
			redirect.addFlashAttribute("flashArgs", new Object[] { a.number(), ticket });
			return "redirect:/knowledge/" + a.number() + "/edit";
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			WorkItemView item = this.items.get(ticket);
			return "redirect:/work/" + item.type() + "/" + item.number();
		}
	}

	// ---- panels

	/** On a ticket: suggested articles, those applied, drafting one. */
	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		CurrentUser me = this.access.user();
		List<Knowledge.Use> uses = this.knowledge.usesOn(item.id());
		Set<Long> used = new java.util.HashSet<>(uses.stream().map(Knowledge.Use::articleId).toList());
		String text = item.title() + " " + ((item.description() == null) ? "" : item.description());
		model.addAttribute("item", item);
		model.addAttribute("uses", uses);
		model.addAttribute("suggestions",
				this.search.suggest(text, Set.of(Knowledge.SEARCH_KIND), Set.of(), 6)
					.stream()
					.filter((h) -> !used.contains(h.id()))
					.limit(5)
					.toList());
		model.addAttribute("drafted", this.knowledge.draftedFrom(item.id()));
		model.addAttribute("canWrite", me.has(Knowledge.WRITE) && this.items.canWork(item.id()));
		return "knowledge/panel :: ticket";
	}

	@PostMapping("/panel/{itemId}/use")
	String use(@PathVariable long itemId, @RequestParam String article, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		if (FormErrors.attempt(redirect, "knowledge.used", () -> this.knowledge.use(article, item.number()))) {
			redirect.addFlashAttribute("flashArgs", new Object[] { article });
		}
		return "redirect:/work/" + item.type() + "/" + item.number();
	}

	@PostMapping("/panel/{itemId}/unuse")
	String unuse(@PathVariable long itemId, @RequestParam String article, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		FormErrors.attempt(redirect, "knowledge.unused", () -> this.knowledge.unuse(article, item.number()));
		return "redirect:/work/" + item.type() + "/" + item.number();
	}

	/** On a review item: the article and the version under review. */
	@GetMapping("/approval-panel/{itemId}")
	String approvalPanel(@PathVariable long itemId, Model model) {
		this.items.get(String.valueOf(itemId));
		model.addAttribute("a", this.knowledge.forApproval(itemId).orElse(null));
		return "knowledge/panel :: approval";
	}

	// ---- the knowledge-gap report

	@GetMapping("/gaps")
	String gaps(@RequestParam(defaultValue = "90") int days, Model model) {
		model.addAttribute("days", days);
		model.addAttribute("gaps", this.knowledge.gaps(days));
		return "knowledge/gaps";
	}

}
