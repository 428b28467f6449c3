package org.yunwei.workitem.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import org.yunwei.platform.web.Formats;
import org.yunwei.platform.web.Problems;
import org.yunwei.platform.web.Spreadsheets;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItems;

/** A work-item list, with its filter, as CSV or Excel (UI and REST). */
@Component
class WorkItemExports {

	private final WorkItems items;

	private final Formats formats;

	private final Problems problems;

	WorkItemExports(WorkItems items, Formats formats, Problems problems) {
		this.items = items;
		this.formats = formats;
		this.problems = problems;
	}

	void write(WorkItemFilter filter, String format, HttpServletResponse response) throws IOException {
		String[] fields = { "number", "title", "state", "priority", "assignee", "group", "requester", "dueAt",
				"openedAt", "resolvedAt", "updatedAt" };
		java.util.List<org.yunwei.fields.FieldDefinition> custom = this.items.customFields(filter.type());
		String[] header = new String[fields.length + custom.size()];
		for (int i = 0; i < fields.length; i++) {
			header[i] = this.problems.message("workitem.field." + fields[i]);
		}
		String language = this.formats.language();
		for (int i = 0; i < custom.size(); i++) {
			header[fields.length + i] = custom.get(i).label(language);
		}
		String file = filter.type() + "-" + LocalDate.now(this.formats.zone());
		Spreadsheets.write(format, file, filter.type(), header,
				(row) -> this.items.export(filter, (r) -> row.accept(cells(r, custom))), response);
	}

	private String[] cells(WorkItemRow r, java.util.List<org.yunwei.fields.FieldDefinition> custom) {
		String[] base = { r.number(), r.title(), r.state(), "P" + r.priority(), r.assigneeName(), r.groupName(),
				r.requesterName(), time(r.dueAt()), time(r.openedAt()), time(r.resolvedAt()), time(r.updatedAt()) };
		String[] cells = java.util.Arrays.copyOf(base, base.length + custom.size());
		for (int i = 0; i < custom.size(); i++) {
			cells[base.length + i] = r.customFields().getOrDefault(custom.get(i).code(), "");
		}
		return cells;
	}

	private String time(java.time.Instant instant) {
		return (instant == null) ? "" : this.formats.dateTime(instant);
	}

}
