package org.yunwei.calendar.web;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.calendar.Calendars;
import org.yunwei.calendar.CalendarView;
import org.yunwei.calendar.DayKind;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.web.FormErrors;

/**
 * The business calendars: the list, and one calendar with its weekly hours and the
 * holidays and make-up working days of a year; edit them, import a year's arrangement.
 */
@Controller
class CalendarController {

	private final Calendars calendars;

	private final org.yunwei.platform.web.Formats formats;

	CalendarController(Calendars calendars, org.yunwei.platform.web.Formats formats) {
		this.calendars = calendars;
		this.formats = formats;
	}

	@GetMapping("/calendars")
	String list(Model model) {
		model.addAttribute("calendars", this.calendars.list());
		return "calendar/list";
	}

	@GetMapping("/calendars/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		int y = (year != null) ? year : Year.now(this.formats.zone()).getValue();
		CalendarView calendar = this.calendars.get(id, y);
		model.addAttribute("calendar", calendar);
		model.addAttribute("year", y);
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("holidays", calendar.days().stream().filter((d) -> d.kind() == DayKind.HOLIDAY).count());
		model.addAttribute("workdays", calendar.days().stream().filter((d) -> d.kind() == DayKind.WORKDAY).count());
		return "calendar/detail";
	}

	@PostMapping("/calendars/{id}/days")
	String putDay(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) DayKind kind, @RequestParam(required = false) String nameZh,
			@RequestParam(required = false) String nameEn, RedirectAttributes redirect) {
		try {
			this.calendars.putDay(id, date, kind, nameZh, nameEn);
			redirect.addFlashAttribute("flash", "calendar.daySaved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/calendars/" + id + ((date != null) ? "?year=" + date.getYear() : "");
	}

	@PostMapping("/calendars/{id}/days/{dayId}/delete")
	String removeDay(@PathVariable long id, @PathVariable long dayId, @RequestParam(required = false) Integer year,
			RedirectAttributes redirect) {
		this.calendars.removeDay(id, dayId);
		redirect.addFlashAttribute("flash", "calendar.dayRemoved");
		return "redirect:/calendars/" + id + ((year != null) ? "?year=" + year : "");
	}

	@PostMapping("/calendars/{id}/hours")
	String setHours(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<Integer, String> hours = new HashMap<>();
		for (int d = 1; d <= 7; d++) {
			hours.put(d, params.getOrDefault("hours" + d, ""));
		}
		Integer version = params.containsKey("version") ? Integer.valueOf(params.get("version")) : null;
		try {
			this.calendars.setHours(id, hours, version);
			redirect.addFlashAttribute("flash", "calendar.hoursSaved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/calendars/" + id;
	}

	@PostMapping("/calendars/{id}/import")
	String importDays(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			Calendars.ImportResult result = this.calendars.importDays(id,
					new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8));
			redirect.addFlashAttribute("flash", "calendar.imported");
			redirect.addFlashAttribute("flashArgs", new Object[] { result.days() });
		}
		catch (ValidationFailed ex) {
			redirect.addFlashAttribute("importErrors", ex.violations());
		}
		return "redirect:/calendars/" + id;
	}

}
