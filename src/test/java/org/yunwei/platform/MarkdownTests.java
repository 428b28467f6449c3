package org.yunwei.platform;

import org.junit.jupiter.api.Test;

import org.yunwei.platform.web.Markdown;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user typing Markdown (or trying to inject HTML) sees on the page. */
class MarkdownTests {

	private final Markdown markdown = new Markdown();

	@Test
	void formatsTheUsualMarkdown() {
		String html = this.markdown.html("**巡检**完成\n\n- 机房温度 23℃\n- UPS 正常\n\n| 项 | 结果 |\n|---|---|\n| 磁盘 | 正常 |");
		assertThat(html).contains("<strong>巡检</strong>", "<li>机房温度 23℃</li>", "<table>", "<td>磁盘</td>");
	}

	@Test
	void theTextForSearchHasNoMarksAndOneLinePerBlock() {
		String text = this.markdown.text("## 处理步骤\n\n1. 关闭**电源**\n2. 取出 `卡纸`\n\n<b>注意</b>安全");
		assertThat(text).isEqualTo("处理步骤\n关闭电源\n取出 卡纸\n<b>注意</b>安全");
		assertThat(this.markdown.text(null)).isEmpty();
	}

	@Test
	void rawHtmlAndScriptLinksNeverReachThePage() {
		String html = this.markdown.html("<script>alert(1)</script> <b onclick=\"x()\">hi</b> [x](javascript:alert(1))"
				+ " <img src=x onerror=alert(1)>");
		// shown as text, never as markup
		assertThat(html).doesNotContain("<script", "<b ", "<img", "href=\"javascript");
		assertThat(html).contains("&lt;script&gt;", "&lt;b onclick");
	}

	@Test
	void aScriptLinkLosesItsTarget() {
		assertThat(this.markdown.html("[点我](javascript:alert(1))")).doesNotContain("javascript").contains("点我");
	}

	@Test
	void linksOpenSafely() {
		assertThat(this.markdown.html("[手册](https://example.org/sop)")).contains("href=\"https://example.org/sop\"",
				"rel=\"nofollow noopener noreferrer\"");
	}

	@Test
	void emptyTextIsEmpty() {
		assertThat(this.markdown.html(null)).isEmpty();
		assertThat(this.markdown.html("  ")).isEmpty();
	}

}
