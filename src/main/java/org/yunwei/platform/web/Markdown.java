package org.yunwei.platform.web;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Rich text as users write it: Markdown rendered to HTML, then cleaned by an allow-list
 * sanitiser, so no raw HTML (a script, an event handler, a {@code javascript:} link) from
 * a user ever reaches a page. Templates compute it in {@code th:with} (Thymeleaf forbids
 * bean calls inside {@code th:utext}) and show it with {@code th:utext}.
 */
@Component("markdown")
public class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Safelist SAFE = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("a", "rel")
		.addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
		.addProtocols("a", "href", "http", "https", "mailto");

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

	public String html(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String html = this.renderer.render(this.parser.parse(markdown));
		return Jsoup.clean(html, SAFE);
	}

	/**
	 * The text of Markdown as a reader sees it, without its marks (for the search index
	 * and its snippets): one line per paragraph, heading, list item or table row.
	 */
	public String text(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String html = this.renderer.render(this.parser.parse(markdown))
			.replaceAll("</(p|li|h[1-6]|tr|pre|blockquote)>", "$0\n");
		return Jsoup.parse(html).wholeText().replaceAll("\n{2,}", "\n").strip();
	}

}
