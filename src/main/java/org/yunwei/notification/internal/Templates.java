package org.yunwei.notification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import org.yunwei.notification.NotificationEvent;
import org.yunwei.notification.TemplateView;

/**
 * The message of each event in each language: the shipped wording unless an administrator
 * changed it, with {@code {placeholder}}s filled in when a notification is written.
 */
@Component
public class Templates {

	public static final List<String> LANGUAGES = List.of("zh", "en");

	private static final Map<String, String[]> SHIPPED = Map.ofEntries(
	// @formatter:off
			Map.entry("sla.warning/zh", new String[] { "【SLA 预警】{number} {title}",
					"{clock}即将到期（截止 {due}）。\n处理组：{group}\n处理人：{assignee}" }),
			Map.entry("sla.warning/en", new String[] { "[SLA warning] {number} {title}",
					"The {clock} target is close (due {due}).\nGroup: {group}\nAssignee: {assignee}" }),
			Map.entry("sla.breach/zh", new String[] { "【SLA 超时】{number} {title}",
					"{clock}已超时（截止 {due}）。\n处理组：{group}\n处理人：{assignee}" }),
			Map.entry("sla.breach/en", new String[] { "[SLA breached] {number} {title}",
					"The {clock} target was missed (due {due}).\nGroup: {group}\nAssignee: {assignee}" }),
			Map.entry("workitem.assigned/zh", new String[] { "【待处理】{number} {title}", "{by} 将此记录分派给您（优先级 {priority}）。" }),
			Map.entry("workitem.assigned/en", new String[] { "[Assigned to you] {number} {title}",
					"{by} assigned this record to you (priority {priority})." }),
			Map.entry("workitem.transitioned/zh", new String[] { "【进展】{number} {title}", "{by} 执行了“{action}”。\n处理组：{group}\n处理人：{assignee}" }),
			Map.entry("workitem.transitioned/en", new String[] { "[Update] {number} {title}",
					"{by}: {action}.\nGroup: {group}\nAssignee: {assignee}" }),
			Map.entry("approval.requested/zh", new String[] { "【待审批】{number} {title}",
					"{by} 提交的记录等待您审批{behalf}。\n批准或驳回（无需登录，{validity}内有效）：{decideLink}" }),
			Map.entry("approval.requested/en", new String[] { "[Approval needed] {number} {title}",
					"{by} asks for your approval{behalf}.\nApprove or reject (no sign-in needed, valid for {validity}): {decideLink}" }),
			Map.entry("ticket.received/zh", new String[] { "【已受理】{number} {title}",
					"您的工单已收到（渠道：{channel}），编号 {number}，由{group}处理。\n直接回复本邮件即可补充信息或附件，请保留主题中的编号。" }),
			Map.entry("ticket.received/en", new String[] { "[Received] {number} {title}",
					"We received your ticket ({channel}) as {number}; {group} handles it.\nReply to this e-mail to add information or files; keep the number in the subject." }),
			Map.entry("incident.major/zh", new String[] { "【重大事件】{number} {title}",
					"{by} 宣布此事件为重大事件（优先级 {priority}）。\n原因：{reason}\n处理组：{group}\n处理人：{assignee}" }),
			Map.entry("incident.major/en", new String[] { "[Major incident] {number} {title}",
					"{by} declared this a major incident (priority {priority}).\nReason: {reason}\nGroup: {group}\nAssignee: {assignee}" }),
			Map.entry("incident.majorUpdate/zh", new String[] { "【重大事件通报】{number} {title}",
					"{by} 通报：\n{message}\n处理组：{group}\n处理人：{assignee}" }),
			Map.entry("incident.majorUpdate/en", new String[] { "[Major incident update] {number} {title}",
					"{by}:\n{message}\nGroup: {group}\nAssignee: {assignee}" }),
			Map.entry("survey.invited/zh", new String[] { "【满意度调查】{title}",
					"请花几分钟填写运维服务满意度调查（{closes} 截止），您的意见将用于改进服务：{link}" }),
			Map.entry("survey.invited/en", new String[] { "[Satisfaction survey] {title}",
					"Please take a few minutes to answer our IT service satisfaction survey (closes {closes}); your answers help us improve: {link}" }));
			// @formatter:on

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Templates(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public TemplateView get(NotificationEvent event, String language) {
		String lang = LANGUAGES.contains(language) ? language : "zh";
		List<TemplateView> stored = this.jdbc.query(
				"select subject, body from nt_template where event = :e and language = :l",
				new MapSqlParameterSource("e", event.code()).addValue("l", lang),
				(rs, n) -> new TemplateView(event, lang, rs.getString(1), rs.getString(2)));
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		String[] shipped = SHIPPED.get(event.code() + "/" + lang);
		return new TemplateView(event, lang, shipped[0], shipped[1]);
	}

	public List<TemplateView> all() {
		List<TemplateView> all = new ArrayList<>();
		for (NotificationEvent e : NotificationEvent.values()) {
			for (String l : LANGUAGES) {
				all.add(get(e, l));
			}
		}
		return all;
	}

	/** Stores an administrator's wording; returns the one it replaces. */
	public TemplateView save(NotificationEvent event, String language, String subject, String body) {
		TemplateView before = get(event, language);
		MapSqlParameterSource p = new MapSqlParameterSource("e", event.code()).addValue("l", language)
			.addValue("s", subject)
			.addValue("b", body)
			.addValue("at", this.clock.instant().atOffset(java.time.ZoneOffset.UTC));
		int n = this.jdbc.update("update nt_template set subject = :s, body = :b, updated_at = :at"
				+ " where event = :e and language = :l", p);
		if (n == 0) {
			this.jdbc.update("insert into nt_template (event, language, subject, body, updated_at)"
					+ " values (:e, :l, :s, :b, :at)", p);
		}
		return before;
	}

	/**
	 * Fills the placeholders; unknown ones stay as written, missing values become "—".
	 */
	public static String fill(String text, Map<String, String> values) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			int open = text.indexOf('{', i);
			int close = (open < 0) ? -1 : text.indexOf('}', open);
			if (open < 0 || close < 0) {
				out.append(text, i, text.length());
				break;
			}
			out.append(text, i, open);
			String key = text.substring(open + 1, close);
			if (values.containsKey(key)) {
				String v = values.get(key);
				out.append((v == null) ? "—" : v);
			}
			else {
				out.append(text, open, close + 1);
			}
			i = close + 1;
		}
		return out.toString();
	}

}
