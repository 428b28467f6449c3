package org.yunwei.notification.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.notification.Channel;

/**
 * The HTTP requests each chat platform documents for its group robots, and how each says
 * a message was refused:
 * <ul>
 * <li>WeCom (企业微信) group robot: {@code {"msgtype":"markdown","markdown":{"content":…}}};
 * refusal {@code errcode != 0}.</li>
 * <li>DingTalk (钉钉) custom robot, 加签: {@code timestamp} (ms) and
 * {@code sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))} added
 * to the URL; {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}; refusal
 * {@code errcode != 0}.</li>
 * <li>Feishu (飞书) custom bot, 签名校验: {@code timestamp} (s) and
 * {@code sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = ""))} in the
 * body; {@code {"msg_type":"text","content":{"text":…}}}; refusal {@code code != 0}.</li>
 * <li>Generic webhook: {@code {"event","subject","body","link","occurredAt"}} with
 * {@code X-Yunwei-Event} and, with a secret,
 * {@code X-Yunwei-Signature: sha256=<hex HmacSHA256(secret, body)>}.</li>
 * </ul>
 */
public final class ChatMessages {

	private ChatMessages() {
	}

	/** A request to send: where, what, and the extra headers. */
	public record Request(URI uri, String body, Map<String, String> headers) {
	}

	public static Request build(JsonMapper json, Channel channel, String url, String secret, String event,
			String subject, String body, String link, Instant now) {
		switch (channel) {
			case WECOM:
				return wecom(json, url, subject, body, link);
			case DINGTALK:
				return dingtalk(json, url, secret, now.toEpochMilli(), subject, body, link);
			case FEISHU:
				return feishu(json, url, secret, now.getEpochSecond(), subject, body, link);
			case WEBHOOK:
				return webhook(json, url, secret, event, subject, body, link, now);
			default:
				throw new IllegalArgumentException(channel + " is not sent over HTTP");
		}
	}

	static Request wecom(JsonMapper json, String url, String subject, String body, String link) {
		Map<String, Object> markdown = Map.of("content", markdown(subject, body, link));
		return new Request(URI.create(url),
				json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", markdown)), Map.of());
	}

	static Request dingtalk(JsonMapper json, String url, String secret, long timestampMillis, String subject,
			String body, String link) {
		String target = url;
		if (secret != null && !secret.isBlank()) {
			String sign = URLEncoder.encode(
					base64(hmac(secret.getBytes(StandardCharsets.UTF_8),
							(timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8))),
					StandardCharsets.UTF_8);
			target = url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + sign;
		}
		Map<String, Object> markdown = new LinkedHashMap<>();
		markdown.put("title", subject);
		markdown.put("text", markdown(subject, body, link));
		return new Request(URI.create(target),
				json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", markdown)), Map.of());
	}

	static Request feishu(JsonMapper json, String url, String secret, long timestampSeconds, String subject,
			String body, String link) {
		Map<String, Object> message = new LinkedHashMap<>();
		if (secret != null && !secret.isBlank()) {
			message.put("timestamp", String.valueOf(timestampSeconds));
			message.put("sign", feishuSign(secret, timestampSeconds));
		}
		message.put("msg_type", "text");
		message.put("content", Map.of("text", subject + "\n" + body + ((link != null) ? "\n" + link : "")));
		return new Request(URI.create(url), json.writeValueAsString(message), Map.of());
	}

	static String feishuSign(String secret, long timestampSeconds) {
		return base64(hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]));
	}

	static Request webhook(JsonMapper json, String url, String secret, String event, String subject, String body,
			String link, Instant now) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("event", event);
		message.put("subject", subject);
		message.put("body", body);
		message.put("link", link);
		message.put("occurredAt", now.toString());
		String text = json.writeValueAsString(message);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Yunwei-Event", event);
		if (secret != null && !secret.isBlank()) {
			headers.put("X-Yunwei-Signature", "sha256=" + HexFormat.of()
				.formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8))));
		}
		return new Request(URI.create(url), text, headers);
	}

	/**
	 * Why the platform refused a message it answered with HTTP 2xx, or null when it took
	 * it.
	 */
	public static String refusal(JsonMapper json, Channel channel, String responseBody) {
		if (channel == Channel.WEBHOOK || responseBody == null || responseBody.isBlank()) {
			return null;
		}
		JsonNode node;
		try {
			node = json.readTree(responseBody);
		}
		catch (RuntimeException ex) {
			return "unreadable answer: " + abbreviate(responseBody);
		}
		String codeField = (channel == Channel.FEISHU) ? "code" : "errcode";
		JsonNode code = node.get(codeField);
		if (code == null && channel == Channel.FEISHU) {
			code = node.get("StatusCode");
		}
		if (code != null && code.asInt() != 0) {
			return codeField + " " + code.asInt() + ": " + abbreviate(responseBody);
		}
		return null;
	}

	static String markdown(String subject, String body, String link) {
		StringBuilder text = new StringBuilder("### ").append(subject).append("\n\n");
		for (String line : body.split("\n")) {
			text.append(line).append("  \n");
		}
		if (link != null) {
			text.append("\n[").append(link).append("](").append(link).append(")");
		}
		return text.toString();
	}

	static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	static String abbreviate(String s) {
		return (s.length() > 300) ? s.substring(0, 300) + "…" : s;
	}

}
