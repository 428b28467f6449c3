package org.yunwei.platform.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditEntryView;
import org.yunwei.platform.audit.AuditManagement;
import org.yunwei.platform.audit.AuditQuery;
import org.yunwei.platform.web.Formats;
import org.yunwei.platform.web.Problems;

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
		if (!"csv".equals(format) && !"xlsx".equals(format)) {
			throw new ValidationFailed("format", "error.export.format");
		}
		String[] header = { this.problems.message("audit.col.id"), this.problems.message("audit.col.time"),
				this.problems.message("audit.col.actor"), this.problems.message("audit.col.ip"),
				this.problems.message("audit.col.action"), this.problems.message("audit.col.recordType"),
				this.problems.message("audit.col.recordId"), this.problems.message("audit.col.summary"),
				this.problems.message("audit.col.changes") };
		String file = "audit-" + LocalDate.now(this.formats.zone()) + "." + format;
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
		if ("csv".equals(format)) {
			response.setContentType("text/csv;charset=UTF-8");
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			out.write('\uFEFF');
			out.write(csvLine(header));
			this.audit.export(query, format, (e) -> {
				try {
					out.write(csvLine(cells(e)));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
			out.flush();
			return;
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet("audit");
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			int[] row = { 1 };
			this.audit.export(query, format, (e) -> {
				Row r = sheet.createRow(row[0]++);
				String[] cells = cells(e);
				for (int i = 0; i < cells.length; i++) {
					r.createCell(i).setCellValue(cells[i]);
				}
			});
			workbook.write(response.getOutputStream());
		}
	}

	private String[] cells(AuditEntryView e) {
		return new String[] { String.valueOf(e.id()), this.formats.dateTimeSeconds(e.occurredAt()), nz(e.actor()),
				nz(e.sourceIp()), e.action() == null ? "" : this.problems.message(e.action().messageKey()),
				nz(e.recordType()), nz(e.recordId()), nz(e.summary()), nz(e.changes()) };
	}

	private static String csvLine(String[] cells) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				sb.append(',');
			}
			String c = cells[i];
			// A leading =, +, - or @ would be a formula in Excel: neutralise it.
			if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
				c = "'" + c;
			}
			sb.append('"').append(c.replace("\"", "\"\"")).append('"');
		}
		return sb.append("\r\n").toString();
	}

	private static String nz(String s) {
		return (s == null) ? "" : s;
	}

}
