package org.yunwei.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one way a report becomes a PDF: a Thymeleaf template rendered to HTML, read as a
 * DOM and laid out by openhtmltopdf, with the CJK font shipped in the jar
 * ({@code fonts/wqy-microhei.ttc}, family {@value #FONT}) embedded as the subset of
 * glyphs used — Chinese renders the same on every machine, whatever fonts it has.
 */
@Component
public class PdfDocuments {

	/** The font family templates use. */
	public static final String FONT = "WenQuanYi Micro Hei";

	private static final String TTC = "fonts/wqy-microhei.ttc";

	private final TemplateEngine templates;

	private final byte[] collection;

	PdfDocuments(TemplateEngine templates) {
		this.templates = templates;
		try (InputStream in = new ClassPathResource(TTC).getInputStream()) {
			this.collection = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The language a document is asked for: {@code lang=en} or {@code zh}, else the
	 * reader's.
	 */
	public static Locale language(String lang) {
		return (lang == null || lang.isBlank()) ? org.springframework.context.i18n.LocaleContextHolder.getLocale()
				: "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	/**
	 * A generated file as the response: opened in the browser ({@code inline}) or
	 * downloaded under its name.
	 */
	public static org.springframework.http.ResponseEntity<byte[]> file(byte[] bytes,
			org.springframework.http.MediaType type, String name, boolean inline) {
		org.springframework.http.ContentDisposition disposition = (inline
				? org.springframework.http.ContentDisposition.inline()
				: org.springframework.http.ContentDisposition.attachment())
			.filename(name, java.nio.charset.StandardCharsets.UTF_8)
			.build();
		return org.springframework.http.ResponseEntity.ok()
			.contentType(type)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(bytes);
	}

	/** Renders a template with its model in a language as a PDF. */
	public byte[] render(String template, Map<String, Object> model, Locale locale) {
		String html = this.templates.process(template, new Context(locale, model));
		org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
		try (PDDocument pdf = new PDDocument();
				TrueTypeCollection fonts = new TrueTypeCollection(new java.io.ByteArrayInputStream(this.collection));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			TrueTypeFont font = fonts.getFontByName("WenQuanYiMicroHei");
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(pdf);
			PDFontSupplier cjk = new PDFontSupplier(PDType0Font.load(pdf, font, true));
			builder.useFont(cjk, FONT, 400, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
					true);
			builder.useFont(cjk, FONT, 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
					true);
			builder.withW3cDocument(dom, "/");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
