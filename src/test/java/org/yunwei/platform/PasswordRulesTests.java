package org.yunwei.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.yunwei.platform.identity.PasswordRules;
import org.yunwei.platform.identity.SecurityPolicy;
import org.yunwei.platform.identity.UserManagement;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTests {

	private final SecurityPolicy policy = new SecurityPolicy(10, 3, 5, 0, 5, 15, 30, 0);

	@Test
	void aGoodPasswordBreaksNoRule() {
		assertThat(PasswordRules.check("Tiananmen-2026", "zhangwei", this.policy)).isEmpty();
	}

	@Test
	void eachRuleIsReportedByItsKey() {
		assertThat(keys("Short1!")).containsExactly("password.rule.length");
		assertThat(keys("alllowercaseonly")).containsExactly("password.rule.classes");
		assertThat(keys("Zhangwei-2026")).containsExactly("password.rule.username");
	}

	@Test
	void generatedPasswordsSatisfyThePolicy() {
		for (int i = 0; i < 50; i++) {
			assertThat(PasswordRules.check(UserManagement.generatePassword(this.policy), "someone", this.policy))
				.isEmpty();
		}
	}

	private List<String> keys(String password) {
		return PasswordRules.check(password, "zhangwei", this.policy)
			.stream()
			.map(ValidationFailed.Violation::messageKey)
			.toList();
	}

}
