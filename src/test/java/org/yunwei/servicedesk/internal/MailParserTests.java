package org.yunwei.servicedesk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese mail as the service desk receives it: the charsets clients declare and the ones
 * they use, encoded words split inside a character, 8-bit headers, file names; automatic
 * messages recognised; the new part of a reply.
 */
class MailParserTests {

	private static final Charset GBK = Charset.forName("GBK");

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final List<String> OWN = List.of("itsm@example.gov.cn");

	@Test
	void gb2312DeclaredButGbkUsedAndASubjectSplitInsideACharacter() throws Exception {
		// 镕 is in GBK, not in GB2312: clients that say gb2312 send it anyway
		byte[] subject = "朱镕基路打印机故障".getBytes(GBK);
		byte[] first = Arrays.copyOfRange(subject, 0, 5);
		byte[] second = Arrays.copyOfRange(subject, 5, subject.length);
		String header = "=?gb2312?B?" + b64(first) + "?=\r\n =?gb2312?B?" + b64(second) + "?=";
		byte[] raw = mail("From: =?gb2312?B?" + b64("张伟".getBytes(GBK)) + "?= <ZhangWei@Example.gov.cn>\r\n"
				+ "Subject: " + header + "\r\nContent-Type: text/plain; charset=gb2312\r\n"
				+ "Content-Transfer-Encoding: 8bit\r\n", "朱镕基路三楼的打印机卡纸了。".getBytes(GBK));
		MailParser.Mail m = MailParser.parse(raw, OWN);
		assertThat(m.subject()).isEqualTo("朱镕基路打印机故障");
		assertThat(m.text()).isEqualTo("朱镕基路三楼的打印机卡纸了。");
		assertThat(m.fromAddress()).isEqualTo("zhangwei@example.gov.cn");
		assertThat(m.fromName()).isEqualTo("张伟");
		assertThat(m.automatic()).isNull();
	}

	@Test
	void gb18030FourByteCharactersAndQuotedPrintableUtf8() throws Exception {
		String rare = "䶮";
		byte[] raw = mail(
				"From: li@example.gov.cn\r\nSubject: =?utf-8?Q?=E6=95=B0=E6=8D=AE=E5=BA=93_?= =?utf-8?Q?=E5=91=8A=E8=AD=A6?=\r\n"
						+ "Content-Type: text/plain; charset=GB18030\r\nContent-Transfer-Encoding: base64\r\n",
				b64(("用户名：刘" + rare + "，数据库连接失败").getBytes(GB18030)).getBytes(StandardCharsets.US_ASCII));
		MailParser.Mail m = MailParser.parse(raw, OWN);
		assertThat(m.subject()).as("_ is a space in Q words").isEqualTo("数据库 告警");
		assertThat(m.text()).isEqualTo("用户名：刘" + rare + "，数据库连接失败");
	}

	@Test
	void eightBitHeadersWithoutEncodingAreReadAsUtf8OrGbk() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("From: wang@example.gov.cn\r\nSubject: ".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes("邮箱无法登录".getBytes(GBK));
		out.writeBytes("\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes("密码正确但提示错误".getBytes(StandardCharsets.UTF_8));
		MailParser.Mail m = MailParser.parse(out.toByteArray(), OWN);
		assertThat(m.subject()).isEqualTo("邮箱无法登录");
		assertThat(m.text()).as("no charset: valid UTF-8 is UTF-8").isEqualTo("密码正确但提示错误");
	}

	@Test
	void htmlOnlyMailAndFilesNamedInChinese() throws Exception {
		String boundary = "b1";
		String body = "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
				+ "<html><head><style>p{}</style></head><body><p>服务器&nbsp;宕机</p><p>请处理&amp;回复</p></body></html>\r\n"
				+ "--b1\r\nContent-Type: application/pdf; name=\"=?GBK?B?" + b64("巡检报告.pdf".getBytes(GBK)) + "?=\"\r\n"
				+ "Content-Disposition: attachment; filename=\"=?GBK?B?" + b64("巡检报告.pdf".getBytes(GBK)) + "?=\"\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n" + b64("%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII))
				+ "\r\n--b1\r\nContent-Type: text/plain\r\n"
				+ "Content-Disposition: attachment; filename*=UTF-8''%E6%97%A5%E5%BF%97.txt\r\n\r\nERROR 1\r\n--b1--\r\n";
		byte[] raw = mail(
				"From: ops@example.gov.cn\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
						+ "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n",
				body.getBytes(StandardCharsets.UTF_8));
		MailParser.Mail m = MailParser.parse(raw, OWN);
		assertThat(m.text()).isEqualTo("服务器 宕机\n请处理&回复");
		assertThat(m.files()).extracting(MailParser.File::name).containsExactly("巡检报告.pdf", "日志.txt");
		assertThat(new String(m.files().get(0).content(), StandardCharsets.US_ASCII)).startsWith("%PDF");
	}

	@Test
	void automaticMessagesAreRecognised() throws Exception {
		assertThat(MailParser
			.parse(mail("From: a@example.gov.cn\r\nSubject: x\r\nAuto-Submitted: auto-replied\r\n", new byte[] { 'x' }),
					OWN)
			.automatic()).isEqualTo("autoSubmitted");
		assertThat(MailParser
			.parse(mail("From: a@example.gov.cn\r\nSubject: x\r\nAuto-Submitted: no\r\n", new byte[] { 'x' }), OWN)
			.automatic()).isNull();
		assertThat(
				MailParser
					.parse(mail(
							"From: a@example.gov.cn\r\nSubject: =?utf-8?B?"
									+ b64("自动回复：我正在休假".getBytes(StandardCharsets.UTF_8)) + "?=\r\n",
							new byte[] { 'x' }), OWN)
					.automatic())
			.isEqualTo("autoReply");
		assertThat(MailParser.parse(mail("From: ITSM@example.gov.cn\r\nSubject: hello\r\n", new byte[] { 'x' }), OWN)
			.automatic()).as("the mailbox writing to itself").isEqualTo("loop");
		assertThat(MailParser
			.parse(mail("From: MAILER-DAEMON@mx.example.gov.cn\r\nSubject: failure\r\n", new byte[] { 'x' }), OWN)
			.automatic()).isEqualTo("systemSender");
		assertThat(MailParser
			.parse(mail("From: a@example.gov.cn\r\nSubject: Out of Office: back Monday\r\n", new byte[] { 'x' }), OWN)
			.automatic()).isEqualTo("autoReply");
		assertThat(MailParser
			.parse(mail("From: a@example.gov.cn\r\nSubject: 打印机\r\nPrecedence: bulk\r\n", new byte[] { 'x' }), OWN)
			.automatic()).isEqualTo("bulk");
	}

	@Test
	void theNewPartOfAReply() {
		assertThat(MailParser.newPart("已经可以打印了，谢谢。\n\n-----原始邮件-----\n发件人：服务台\n您的工单已受理")).isEqualTo("已经可以打印了，谢谢。");
		assertThat(MailParser
			.newPart("Works now.\n\nOn Tue, 1 Dec 2026 at 10:00, Desk <itsm@example.gov.cn> wrote:\n> received"))
			.isEqualTo("Works now.");
		assertThat(MailParser.newPart("还是不行\n> 原文")).isEqualTo("还是不行");
		assertThat(MailParser.newPart("> only quoted")).as("nothing new: keep it all").isEqualTo("> only quoted");
	}

	private static byte[] mail(String headers, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(
				("Message-ID: <t" + System.nanoTime() + "@example.gov.cn>\r\n").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(headers.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(body);
		return out.toByteArray();
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
