package org.yunwei.support;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes a test needs as they would be: a standard-change template (written, so
 * pre-approved, by a manager) and a standard change raised from it on some CIs and
 * scheduled, so approved and open for CMDB updates.
 */
public final class ChangeFixtures {

	private ChangeFixtures() {
	}

	/**
	 * A pre-approved template with the given code; {@code managerToken} may manage
	 * changes.
	 */
	public static void template(Api api, String managerToken, String code) {
		Response r = api.post("/api/v1/changes/templates", managerToken,
				Api.json(Map.of("code", code, "name", "例行补丁 " + code, "category", "SOFTWARE", "implementationPlan",
						"按作业指导书安装补丁", "backoutPlan", "卸载补丁并重启", "testPlan", "核对版本号与服务状态")));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	/**
	 * An approved standard change on the CIs (numbers), scheduled for tomorrow: its
	 * number.
	 */
	public static String approvedStandardChange(Api api, String token, String template, String... ciNumbers) {
		List<Long> ids = java.util.Arrays.stream(ciNumbers)
			.map((n) -> api.get("/api/v1/cmdb/cis/" + n, token).json().get("id").asLong())
			.toList();
		LocalDateTime start = LocalDateTime.now().plusDays(1).withHour(22).withMinute(0).withSecond(0).withNano(0);
		Map<String, Object> form = new HashMap<>();
		form.put("changeType", "STANDARD");
		form.put("templateCode", template);
		form.put("title", "按模板 " + template + " 实施");
		form.put("ciIds", ids);
		form.put("plannedStart", start.toString());
		form.put("plannedEnd", start.plusHours(2).toString());
		Response raised = api.post("/api/v1/changes", token, Api.json(form));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String number = raised.json().get("number").asString();
		Response scheduled = api.post("/api/v1/work-items/" + number + "/transitions/schedule", token, "{}");
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
		return number;
	}

}
