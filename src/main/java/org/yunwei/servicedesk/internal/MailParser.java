package org.yunwei.servicedesk.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads an e-mail as the service desk needs it: who sent it, its subject and text, its
 * files, and whether it is an automatic message (an out-of-office reply, a bounce, our
 * own notification coming back) that must not become a ticket. Chinese mail is decoded
 * whatever the sender's client did: GB2312 / GBK declared but GB18030 used (decoded as
 * GB18030, their superset), encoded words split in the middle of a character, 8-bit
 * headers without any encoding, file names as encoded words or RFC 2231 parameters.
 */
public final class MailParser {

	/** An attachment: its (decoded) file name and content. */
	public record File(String name, byte[] content) {
	}

	/**
	 * A mail as read: {@code automatic} is the reason it is an automatic message, or
	 * null.
	 */
	public record Mail(String messageId, String fromAddress, String fromName, String subject, String text,
			List<File> files, Instant sentAt, String automatic) {
	}

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

	private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s*");

	private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile("^\\s*(自动回复|自动答复|自动应答|系统退信|退信|"
			+ "auto(matic)?[ -]?(reply|response)|out of (the )?office|undeliver|delivery status notification|"
			+ "mail delivery (failed|failure|system)|returned mail)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SYSTEM_SENDER = Pattern
		.compile("^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@", Pattern.CASE_INSENSITIVE);

	private static final Session SESSION;

	static {
		Properties p = new Properties();
		// file names and header words are decoded here, with the Chinese charsets widened
		p.setProperty("mail.mime.decodefilename", "false");
		p.setProperty("mail.mime.decodeparameters", "true");
		p.setProperty("mail.mime.address.strict", "false");
		SESSION = Session.getInstance(p);
	}

	private MailParser() {
	}

	/**
	 * Reads a mail; {@code ownAddresses} are the service mailbox's addresses (a mail from
	 * one of them is a loop).
	 */
	public static Mail parse(byte[] raw, List<String> ownAddresses) throws MessagingException, IOException {
		MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
		String messageId = header(m, "Message-ID");
		String from = header(m, "From");
		String fromAddress = null;
		String fromName = null;
		if (from != null) {
			String decoded = decodeHeader(from);
			try {
				InternetAddress[] parsed = InternetAddress.parseHeader(decoded, false);
				if (parsed.length > 0) {
					fromAddress = parsed[0].getAddress();
					fromName = parsed[0].getPersonal();
				}
			}
			catch (MessagingException ex) {
				Matcher a = Pattern.compile("<([^>\\s]+@[^>\\s]+)>").matcher(decoded);
				fromAddress = a.find() ? a.group(1) : null;
			}
		}
		if (fromAddress != null) {
			fromAddress = fromAddress.strip().toLowerCase(Locale.ROOT);
		}
		String subject = decodeHeader(header(m, "Subject"));
		List<File> files = new ArrayList<>();
		StringBuilder plain = new StringBuilder();
		StringBuilder html = new StringBuilder();
		walk(m, plain, html, files);
		String text = (plain.length() > 0) ? plain.toString() : htmlToText(html.toString());
		Instant sentAt = (m.getSentDate() == null) ? null : m.getSentDate().toInstant();
		return new Mail((messageId == null) ? null : messageId.strip(), fromAddress,
				(fromName == null || fromName.isBlank()) ? null : fromName.strip(), subject.strip(), text.strip(),
				files, sentAt, automatic(m, fromAddress, subject, ownAddresses));
	}

	/**
	 * Why a mail is automatic (RFC 3834 {@code Auto-Submitted}, the common auto-reply
	 * headers, a delivery report, our own notification, a mail from the service mailbox
	 * itself, an out-of-office subject), or null.
	 */
	private static String automatic(MimeMessage m, String from, String subject, List<String> own)
			throws MessagingException {
		String auto = header(m, "Auto-Submitted");
		if (auto != null && !auto.strip().equalsIgnoreCase("no")) {
			return "autoSubmitted";
		}
		if (header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
				|| header(m, "X-Auto-Reply") != null) {
			return "autoReply";
		}
		String precedence = header(m, "Precedence");
		if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
			.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return "bulk";
		}
		String type = m.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
			return "deliveryReport";
		}
		if (from != null && own.stream().anyMatch((a) -> a.equalsIgnoreCase(from))) {
			return "loop";
		}
		String returnPath = header(m, "Return-Path");
		if ((returnPath != null && returnPath.strip().equals("<>"))
				|| (from != null && SYSTEM_SENDER.matcher(from).find())) {
			return "systemSender";
		}
		if (AUTOMATIC_SUBJECT.matcher(subject).find()) {
			return "autoReply";
		}
		return null;
	}

	private static void walk(Part part, StringBuilder plain, StringBuilder html, List<File> files)
			throws MessagingException, IOException {
		String fileName = part.getFileName();
		if (part.isMimeType("multipart/*")) {
			Multipart mp = (Multipart) part.getContent();
			boolean alternative = part.isMimeType("multipart/alternative");
			int before = plain.length();
			for (int i = 0; i < mp.getCount(); i++) {
				BodyPart child = mp.getBodyPart(i);
				if (alternative && plain.length() > before && child.isMimeType("text/html")) {
					continue;
				}
				walk(child, plain, html, files);
			}
		}
		else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
				|| part.isMimeType("message/rfc822")) {
			String name = (fileName == null) ? null : decodeHeader(fileName).strip();
			if (name == null || name.isEmpty()) {
				name = part.isMimeType("message/rfc822") ? "message.eml" : "attachment";
			}
			files.add(new File(name, bytes(part)));
		}
		else if (part.isMimeType("text/plain")) {
			append(plain, decode(bytes(part), charset(part)));
		}
		else if (part.isMimeType("text/html")) {
			append(html, decode(bytes(part), charset(part)));
		}
	}

	private static void append(StringBuilder to, String text) {
		if (to.length() > 0) {
			to.append("\n\n");
		}
		to.append(text.replace("\r\n", "\n"));
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static String charset(Part part) throws MessagingException {
		try {
			return new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Text in a declared charset: the Chinese GB charsets as GB18030 (their superset:
	 * clients declare GB2312 and send GBK characters); an unknown or missing charset as
	 * UTF-8 when it is valid UTF-8, else GB18030.
	 */
	static String decode(byte[] bytes, String declared) {
		Charset charset = widen(declared);
		if (charset != null) {
			return new String(bytes, charset);
		}
		return strictUtf8(bytes).orElseGet(() -> new String(bytes, Charset.forName("GB18030")));
	}

	private static Charset widen(String declared) {
		if (declared == null || declared.isBlank()) {
			return null;
		}
		String c = declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
		if (List
			.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "gb18030", "x-euc-cn",
					"hz-gb-2312")
			.contains(c) || c.startsWith("gb")) {
			return Charset.forName("GB18030");
		}
		if (c.equals("us-ascii") || c.equals("ascii")) {
			return null;
		}
		try {
			return Charset.forName(c);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static java.util.Optional<String> strictUtf8(byte[] bytes) {
		try {
			return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * A header's text: 8-bit bytes sent without encoding (read as ISO-8859-1) as UTF-8 or
	 * GB18030, then RFC 2047 encoded words, adjacent words of one charset joined before
	 * decoding (clients split a multi-byte character across two words).
	 */
	static String decodeHeader(String raw) {
		if (raw == null) {
			return "";
		}
		String text = raw.replaceAll("\\r?\\n[ \\t]", " ");
		if (text.chars().anyMatch((ch) -> ch > 0x7F && ch <= 0xFF) && text.chars().allMatch((ch) -> ch <= 0xFF)) {
			text = decode(text.getBytes(StandardCharsets.ISO_8859_1), null);
		}
		StringBuilder out = new StringBuilder();
		Matcher w = ENCODED_WORD.matcher(text);
		int at = 0;
		String pendingCharset = null;
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		while (w.find()) {
			String between = text.substring(at, w.start());
			boolean adjacent = pendingCharset != null && BETWEEN_WORDS.matcher(between).matches();
			String charset = w.group(1).toLowerCase(Locale.ROOT);
			int star = charset.indexOf('*');
			if (star > 0) {
				charset = charset.substring(0, star);
			}
			if (!(adjacent && charset.equals(pendingCharset))) {
				flush(out, pending, pendingCharset);
				if (!adjacent) {
					out.append(between);
				}
			}
			byte[] word;
			try {
				word = w.group(2).equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(w.group(3)) : q(w.group(3));
			}
			catch (IllegalArgumentException ex) {
				flush(out, pending, pendingCharset);
				out.append(w.group());
				pendingCharset = null;
				at = w.end();
				continue;
			}
			pending.writeBytes(word);
			pendingCharset = charset;
			at = w.end();
		}
		flush(out, pending, pendingCharset);
		out.append(text.substring(at));
		return out.toString();
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
		if (pending.size() > 0) {
			out.append(decode(pending.toByteArray(), charset));
			pending.reset();
		}
	}

	private static byte[] q(String word) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '_') {
				out.write(' ');
			}
			else if (c == '=' && i + 2 < word.length()) {
				out.write(Integer.parseInt(word.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				out.write(c);
			}
		}
		return out.toByteArray();
	}

	/** The text of an HTML-only mail: line breaks kept, tags and entities removed. */
	static String htmlToText(String html) {
		String t = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
			.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|tr|li|h[1-6])>", "\n")
			.replaceAll("<[^>]+>", "")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		return t.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
	}

	/**
	 * What a reply adds: the text above the quoted original ("-----原始邮件-----", "On …
	 * wrote:", "在 … 写道：", lines quoted with {@code >}).
	 */
	public static String newPart(String text) {
		String[] lines = text.split("\n", -1);
		StringBuilder out = new StringBuilder();
		for (String line : lines) {
			String l = line.strip();
			if (l.matches("-{2,}\\s*(原始邮件|Original Message|原邮件|回复的原邮件)\\s*-{2,}.*")
					|| l.matches("(?i)^on .{4,200} wrote:$") || l.matches("^在.{2,200}写道[:：]$")
					|| l.matches("^(发件人|From)[:：].*") && out.length() > 0) {
				break;
			}
			if (!l.startsWith(">")) {
				out.append(line).append('\n');
			}
		}
		String result = out.toString().strip();
		return result.isEmpty() ? text.strip() : result;
	}

	private static String header(MimeMessage m, String name) throws MessagingException {
		return m.getHeader(name, null);
	}

}
