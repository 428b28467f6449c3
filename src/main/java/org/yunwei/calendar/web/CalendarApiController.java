package org.yunwei.calendar.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.calendar.CalendarView;
import org.yunwei.calendar.Calendars;
import org.yunwei.calendar.DayKind;
import org.yunwei.platform.identity.AccessControl;

/** Business calendars over REST, with business-time arithmetic for integrations. */
@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Business calendars")
class CalendarApiController {

	private final Calendars calendars;

	private final AccessControl access;

	CalendarApiController(Calendars calendars, AccessControl access) {
		this.calendars = calendars;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Every calendar with its weekly hours")
	List<CalendarView> list() {
		return this.calendars.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A calendar with its special days of a year")
	CalendarView get(@PathVariable long id, @RequestParam int year) {
		return this.calendars.get(id, year);
	}

	/** A special day to add or replace. */
	record DayBody(@NotNull DayKind kind, String nameZh, String nameEn) {
	}

	@PutMapping("/{id}/days/{date}")
	@Operation(summary = "Add or replace a holiday or make-up working day")
	CalendarView.Day putDay(@PathVariable long id, @PathVariable LocalDate date, @Valid @RequestBody DayBody body) {
		return this.calendars.putDay(id, date, body.kind(), body.nameZh(), body.nameEn());
	}

	@DeleteMapping("/{id}/days/{dayId}")
	@Operation(summary = "Remove a special day")
	ResponseEntity<Void> removeDay(@PathVariable long id, @PathVariable long dayId) {
		this.calendars.removeDay(id, dayId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/{id}/import", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Import a year's arrangement (CSV: date,kind,name_zh,name_en); all or nothing")
	Calendars.ImportResult importDays(@PathVariable long id, @RequestBody String csv) {
		return this.calendars.importDays(id, csv);
	}

	@GetMapping("/{id}/add")
	@Operation(summary = "The instant a number of working minutes after another")
	Map<String, Object> add(@PathVariable long id, @RequestParam Instant from, @RequestParam long minutes) {
		this.access.require(Calendars.READ);
		BusinessCalendar calendar = this.calendars.calendar(id);
		return Map.of("from", from, "minutes", minutes, "due", calendar.addMinutes(from, minutes));
	}

	@GetMapping("/{id}/between")
	@Operation(summary = "The working minutes between two instants")
	Map<String, Object> between(@PathVariable long id, @RequestParam Instant from, @RequestParam Instant to) {
		this.access.require(Calendars.READ);
		return Map.of("from", from, "to", to, "minutes", this.calendars.calendar(id).minutesBetween(from, to));
	}

}
