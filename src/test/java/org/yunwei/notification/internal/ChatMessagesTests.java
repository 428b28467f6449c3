package org.yunwei.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.notification.Channel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests each chat platform documents for its robots: the payload shapes of WeCom,
 * DingTalk, Feishu and the generic webhook, the signatures computed independently here,
 * and how each platform's refusal is read.
 */
class ChatMessagesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private static String hmacBase64(byte[] key, byte[] data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data));
	}

	@Test
	void weComGetsMarkdownContent() {
		ChatMessages.Request r = ChatMessages.build(this.json, Channel.WECOM,
				"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K", null, "sla.breach", "【SLA 超时】RT-1 标题",
				"解决时限已超时\n处理组：网络组", "https://yw/work/routine/RT-1", Instant.EPOCH);
		JsonNode body = this.json.readTree(r.body());
		assertThat(r.uri().toString()).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K");
		assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(body.get("markdown").get("content").asString()).startsWith("### 【SLA 超时】RT-1 标题")
			.contains("处理组：网络组")
			.contains("(https://yw/work/routine/RT-1)");
	}

	@Test
	void dingTalkIsSignedInTheAddress() throws Exception {
		Instant at = Instant.parse("2026-11-25T08:00:00Z");
		ChatMessages.Request r = ChatMessages.build(this.json, Channel.DINGTALK,
				"https://oapi.dingtalk.com/robot/send?access_token=T", "SECabc", "sla.breach", "主题", "正文", null, at);
		long ts = at.toEpochMilli();
		String sign = java.net.URLEncoder.encode(hmacBase64("SECabc".getBytes(StandardCharsets.UTF_8),
				(ts + "\nSECabc").getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
		assertThat(r.uri().toString())
			.isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=" + ts + "&sign=" + sign);
		JsonNode body = this.json.readTree(r.body());
		assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(body.get("markdown").get("title").asString()).isEqualTo("主题");
	}

	@Test
	void feishuIsSignedInTheBodyWithTheTimestampAndSecretAsKey() throws Exception {
		Instant at = Instant.parse("2026-11-25T08:00:00Z");
		ChatMessages.Request r = ChatMessages.build(this.json, Channel.FEISHU,
				"https://open.feishu.cn/open-apis/bot/v2/hook/H", "fsSecret", "sla.breach", "主题", "正文", "https://yw/x",
				at);
		JsonNode body = this.json.readTree(r.body());
		long ts = at.getEpochSecond();
		assertThat(body.get("timestamp").asString()).isEqualTo(String.valueOf(ts));
		assertThat(body.get("sign").asString())
			.isEqualTo(hmacBase64((ts + "\nfsSecret").getBytes(StandardCharsets.UTF_8), new byte[0]));
		assertThat(body.get("msg_type").asString()).isEqualTo("text");
		assertThat(body.get("content").get("text").asString()).isEqualTo("主题\n正文\nhttps://yw/x");
	}

	@Test
	void aWebhookCarriesTheEventAndAnHmacOfItsBody() throws Exception {
		ChatMessages.Request r = ChatMessages.build(this.json, Channel.WEBHOOK, "https://itsm.example/hook", "k",
				"sla.breach", "S", "B", "https://yw/x", Instant.parse("2026-11-25T08:00:00Z"));
		Map<String, String> headers = r.headers();
		assertThat(headers.get("X-Yunwei-Event")).isEqualTo("sla.breach");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(headers.get("X-Yunwei-Signature")).isEqualTo(
				"sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(r.body().getBytes(StandardCharsets.UTF_8))));
		assertThat(this.json.readTree(r.body()).get("occurredAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
	}

	@Test
	void aRefusalIsReadFromEachPlatformsAnswer() {
		assertThat(ChatMessages.refusal(this.json, Channel.DINGTALK, "{\"errcode\":0,\"errmsg\":\"ok\"}")).isNull();
		assertThat(
				ChatMessages.refusal(this.json, Channel.DINGTALK, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
			.startsWith("errcode 310000");
		assertThat(ChatMessages.refusal(this.json, Channel.WECOM,
				"{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
			.startsWith("errcode 93000");
		assertThat(ChatMessages.refusal(this.json, Channel.FEISHU, "{\"code\":0,\"msg\":\"success\"}")).isNull();
		assertThat(ChatMessages.refusal(this.json, Channel.FEISHU, "{\"code\":19021,\"msg\":\"sign match fail\"}"))
			.startsWith("code 19021");
		assertThat(ChatMessages.refusal(this.json, Channel.WEBHOOK, "anything")).isNull();
	}

}
