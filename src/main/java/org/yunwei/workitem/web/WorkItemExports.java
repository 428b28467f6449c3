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
		String[] header = new String[fields.length];
		for (int i = 0; i < fields.length; i++) {
			header[i] = this.problems.message("workitem.field." + fields[i]);
		}
		String file = filter.type() + "-" + LocalDate.now(this.formats.zone());
		Spreadsheets.write(format, file, filter.type(), header,
				(row) -> this.items.export(filter, (r) -> row.accept(cells(r))), response);
	}

	private String[] cells(WorkItemRow r) {
		return new String[] { r.number(), r.title(), r.state(), "P" + r.priority(), r.assigneeName(), r.groupName(),
				r.requesterName(), time(r.dueAt()), time(r.openedAt()), time(r.resolvedAt()), time(r.updatedAt()) };
	}

	private String time(java.time.Instant instant) {
		return (instant == null) ? "" : this.formats.dateTime(instant);
	}

}
