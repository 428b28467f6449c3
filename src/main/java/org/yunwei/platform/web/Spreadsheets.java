package org.yunwei.platform.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;

import org.yunwei.platform.ValidationFailed;

/**
 * The one way every list is exported: CSV (UTF-8 with a BOM so Excel reads Chinese, cells
 * that would start a formula neutralised) or a streamed Excel workbook that keeps only a
 * window of rows in memory, so large lists export in constant memory.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/** Writes rows from {@code rows}, which calls the consumer once per row. */
	public static void write(String format, String fileBase, String sheetName, String[] header,
			Consumer<Consumer<String[]>> rows, HttpServletResponse response) throws IOException {
		if (!"csv".equals(format) && !"xlsx".equals(format)) {
			throw new ValidationFailed("format", "error.export.format");
		}
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(fileBase + "." + format, StandardCharsets.UTF_8)
					.build()
					.toString());
		if ("csv".equals(format)) {
			response.setContentType("text/csv;charset=UTF-8");
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			out.write('\uFEFF');
			out.write(csvLine(header));
			rows.accept((cells) -> {
				try {
					out.write(csvLine(cells));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			out.flush();
			return;
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(sheetName);
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			int[] next = { 1 };
			rows.accept((cells) -> {
				Row r = sheet.createRow(next[0]++);
				for (int i = 0; i < cells.length; i++) {
					r.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
				}
			});
			workbook.write(response.getOutputStream());
		}
	}

	/** A sheet of a report workbook: its name, header and rows. */
	public record Tab(String name, String[] header, java.util.List<String[]> rows) {
	}

	/**
	 * A report as an Excel workbook of several sheets, the header row bold and frozen.
	 */
	public static byte[] workbook(java.util.List<Tab> sheets) {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			org.apache.poi.ss.usermodel.CellStyle bold = book.createCellStyle();
			org.apache.poi.ss.usermodel.Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Tab s : sheets) {
				org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet(s.name());
				Row head = sheet.createRow(0);
				for (int i = 0; i < s.header().length; i++) {
					org.apache.poi.ss.usermodel.Cell c = head.createCell(i);
					c.setCellValue(s.header()[i]);
					c.setCellStyle(bold);
				}
				int n = 1;
				for (String[] cells : s.rows()) {
					Row r = sheet.createRow(n++);
					for (int i = 0; i < cells.length; i++) {
						r.createCell(i).setCellValue((cells[i] == null) ? "" : cells[i]);
					}
				}
				sheet.createFreezePane(0, 1);
				for (int i = 0; i < s.header().length; i++) {
					sheet.setColumnWidth(i, Math.min(60, Math.max(10, s.header()[i].length() * 3)) * 256);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String csvLine(String[] cells) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				sb.append(',');
			}
			String c = (cells[i] == null) ? "" : cells[i];
			// A leading =, +, - or @ would be a formula in Excel: neutralise it.
			if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
				c = "'" + c;
			}
			sb.append('"').append(c.replace("\"", "\"\"")).append('"');
		}
		return sb.append("\r\n").toString();
	}

}
