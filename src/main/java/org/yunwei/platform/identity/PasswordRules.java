package org.yunwei.platform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yunwei.platform.ValidationFailed;

/** The password policy's rules, checked on every new password. */
public final class PasswordRules {

	private PasswordRules() {
	}

	/**
	 * The broken rules as violations of the field {@code newPassword} (empty when the
	 * password is good).
	 */
	public static List<ValidationFailed.Violation> check(String password, String username, SecurityPolicy policy) {
		List<ValidationFailed.Violation> broken = new ArrayList<>();
		String pw = (password == null) ? "" : password;
		if (pw.length() < policy.passwordMinLength()) {
			broken.add(violation("password.rule.length", policy.passwordMinLength()));
		}
		if (classes(pw) < policy.passwordMinClasses()) {
			broken.add(violation("password.rule.classes", policy.passwordMinClasses()));
		}
		if (username != null && !username.isBlank()
				&& pw.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			broken.add(violation("password.rule.username"));
		}
		return broken;
	}

	/** Character classes present: lower case, upper case, digits, others. */
	public static int classes(String pw) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < pw.length(); i++) {
			char c = pw.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	static ValidationFailed.Violation violation(String key, Object... args) {
		return new ValidationFailed.Violation("newPassword", key, List.of(args));
	}

}
