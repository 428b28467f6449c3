package org.yunwei.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.yunwei.platform.ValidationFailed;

/**
 * The one way every import reads a table: CSV (UTF-8, with or without a BOM, quoted cells
 * as RFC 4180 writes them) or the first sheet of an Excel workbook, as rows of text.
 * Blank rows are dropped; each row keeps its line number in the file.
 */
public final class TableFiles {

	/** The most rows one import reads. */
	public static final int MAX_ROWS = 10_000;

	private TableFiles() {
	}

	/** A row of cells and its number in the file (the header is row 1). */
	public record Line(int number, List<String> cells) {

		public String cell(int index) {
			return (index < 0 || index >= this.cells.size()) ? "" : this.cells.get(index).strip();
		}

	}

	/**
	 * A file uploaded to a two-step import: either the file itself (step one, the
	 * preview) or the name and base64 content the preview page carried forward (step
	 * two).
	 */
	public record Upload(String name, byte[] bytes) {

		public static Upload of(org.springframework.web.multipart.MultipartFile file, String fileName, String content)
				throws IOException {
			if (file != null && !file.isEmpty()) {
				return new Upload(file.getOriginalFilename(), file.getBytes());
			}
			return new Upload(fileName,
					(content != null) ? java.util.Base64.getDecoder().decode(content) : new byte[0]);
		}

		/** The content as the preview page carries it to step two. */
		public String content() {
			return java.util.Base64.getEncoder().encodeToString(this.bytes);
		}

	}

	/** Where in the file a problem is, as an import reports it: "row 7: 名称". */
	public static String where(org.springframework.context.MessageSource messages, int line, String column) {
		String row = messages.getMessage("import.row", new Object[] { line }, "row " + line,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		return (column == null) ? row : row + ": " + column;
	}

	public static List<Line> read(String fileName, byte[] bytes) {
		String name = (fileName == null) ? "" : fileName.toLowerCase(Locale.ROOT);
		List<Line> lines;
		if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			lines = excel(bytes);
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			lines = csv(new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", ""));
		}
		else {
			throw new ValidationFailed("file", "import.error.format");
		}
		if (lines.isEmpty()) {
			throw new ValidationFailed("file", "import.error.empty");
		}
		if (lines.size() > MAX_ROWS + 1) {
			throw new ValidationFailed("file", "import.error.tooMany", MAX_ROWS);
		}
		return lines;
	}

	private static List<Line> excel(byte[] bytes) {
		List<Line> lines = new ArrayList<>();
		DataFormatter format = new DataFormatter(Locale.ROOT);
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					Cell cell = row.getCell(i);
					cells.add((cell == null) ? "" : format.formatCellValue(cell));
				}
				if (cells.stream().anyMatch((c) -> !c.isBlank())) {
					lines.add(new Line(row.getRowNum() + 1, cells));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new ValidationFailed("file", "import.error.unreadable");
		}
		return lines;
	}

	static List<Line> csv(String text) {
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int startLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				add(lines, startLine, cells);
				cells = new ArrayList<>();
				line++;
				startLine = line;
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !cells.isEmpty()) {
			cells.add(cell.toString());
			add(lines, startLine, cells);
		}
		return lines;
	}

	private static void add(List<Line> lines, int number, List<String> cells) {
		if (cells.stream().anyMatch((c) -> !c.isBlank())) {
			lines.add(new Line(number, List.copyOf(cells)));
		}
	}

}
