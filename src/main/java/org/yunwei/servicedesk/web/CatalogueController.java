package org.yunwei.servicedesk.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.servicedesk.Catalogue;
import org.yunwei.servicedesk.CatalogueItemFormData;
import org.yunwei.servicedesk.CatalogueItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The request catalogue's administration: the items department users may ask for, each
 * with the service it belongs to, the group that fulfils it, and links to its form fields
 * and its fulfilment workflow.
 */
@Controller
class CatalogueController {

	private final Catalogue catalogue;

	private final AccessControl access;

	private final Directory directory;

	private final WorkItems items;

	CatalogueController(Catalogue catalogue, AccessControl access, Directory directory, WorkItems items) {
		this.catalogue = catalogue;
		this.access = access;
		this.directory = directory;
		this.items = items;
	}

	@GetMapping("/catalogue")
	String list(Model model) {
		model.addAttribute("items", this.catalogue.list(true));
		return "catalogue/list";
	}

	@GetMapping("/catalogue/new")
	String newItem(Model model) {
		this.access.require(Catalogue.MANAGE);
		model.addAttribute("form", new CatalogueItemFormData());
		return page(model, null);
	}

	@PostMapping("/catalogue")
	String create(@Valid @ModelAttribute("form") CatalogueItemFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				CatalogueItemView created = this.catalogue.create(form);
				redirect.addFlashAttribute("flash", "catalogue.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.nameZh() });
				return "redirect:/catalogue/" + created.code();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return page(model, null);
	}

	@GetMapping("/catalogue/{code}")
	String edit(@PathVariable String code, Model model) {
		this.access.require(Catalogue.MANAGE);
		CatalogueItemView item = this.catalogue.get(code);
		model.addAttribute("form", CatalogueItemFormData.of(item));
		return page(model, item);
	}

	@PostMapping("/catalogue/{code}")
	String update(@PathVariable String code, @Valid @ModelAttribute("form") CatalogueItemFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		form.setCode(code);
		if (!errors.hasErrors()) {
			try {
				this.catalogue.update(code, form);
				redirect.addFlashAttribute("flash", "catalogue.saved");
				return "redirect:/catalogue/" + code;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return page(model, this.catalogue.get(code));
	}

	private String page(Model model, CatalogueItemView item) {
		model.addAttribute("item", item);
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.items.serviceOptions());
		return "catalogue/form";
	}

}
