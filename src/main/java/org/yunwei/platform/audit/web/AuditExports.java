package org.yunwei.platform.audit.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import org.yunwei.platform.audit.AuditEntryView;
import org.yunwei.platform.audit.AuditManagement;
import org.yunwei.platform.audit.AuditQuery;
import org.yunwei.platform.web.Formats;
import org.yunwei.platform.web.Problems;
import org.yunwei.platform.web.Spreadsheets;

/**
 * Writes an audit export as CSV (UTF-8 with BOM, so Excel reads Chinese) or streamed
 * Excel.
 */
@Component
class AuditExports {

	private final AuditManagement audit;

	private final Formats formats;

	private final Problems problems;

	AuditExports(AuditManagement audit, Formats formats, Problems problems) {
		this.audit = audit;
		this.formats = formats;
		this.problems = problems;
	}

	void write(AuditQuery query, String format, HttpServletResponse response) throws IOException {
		String[] header = { this.problems.message("audit.col.id"), this.problems.message("audit.col.time"),
				this.problems.message("audit.col.actor"), this.problems.message("audit.col.ip"),
				this.problems.message("audit.col.action"), this.problems.message("audit.col.recordType"),
				this.problems.message("audit.col.recordId"), this.problems.message("audit.col.summary"),
				this.problems.message("audit.col.changes") };
		String file = "audit-" + LocalDate.now(this.formats.zone());
		Spreadsheets.write(format, file, "audit", header,
				(row) -> this.audit.export(query, format, (e) -> row.accept(cells(e))), response);
	}

	private String[] cells(AuditEntryView e) {
		return new String[] { String.valueOf(e.id()), this.formats.dateTimeSeconds(e.occurredAt()), nz(e.actor()),
				nz(e.sourceIp()), e.action() == null ? "" : this.problems.message(e.action().messageKey()),
				nz(e.recordType()), nz(e.recordId()), nz(e.summary()), nz(e.changes()) };
	}

	private static String nz(String s) {
		return (s == null) ? "" : s;
	}

}
