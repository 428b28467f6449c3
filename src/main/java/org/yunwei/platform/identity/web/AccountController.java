package org.yunwei.platform.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.identity.IssuedToken;
import org.yunwei.platform.identity.SecurityPolicyManagement;
import org.yunwei.platform.identity.UserManagement;
import org.yunwei.platform.web.PasswordChangeGate;
import org.yunwei.platform.web.UserLocaleResolver;

/**
 * Login page, forced and voluntary password change, profile, language switch and API
 * tokens.
 */
@Controller
class AccountController {

	static final String LOGIN_ERROR = PasswordChangeGate.LOGIN_ERROR;

	private final UserManagement users;

	private final ApiTokenManagement tokens;

	private final SecurityPolicyManagement policies;

	private final LocaleResolver locales;

	AccountController(UserManagement users, ApiTokenManagement tokens, SecurityPolicyManagement policies,
			LocaleResolver locales) {
		this.users = users;
		this.tokens = tokens;
		this.policies = policies;
		this.locales = locales;
	}

	@GetMapping("/login")
	String login(HttpSession session, Model model, @RequestParam(required = false) String error) {
		if (error != null && session.getAttribute(LOGIN_ERROR) instanceof String[] message) {
			model.addAttribute("errorKey", message[0]);
			model.addAttribute("errorArg", message.length > 1 ? message[1] : null);
		}
		else if (error != null) {
			model.addAttribute("errorKey", "login.error.credentials");
		}
		return "account/login";
	}

	@GetMapping("/password/change")
	String passwordForm(Model model, HttpSession session) {
		model.addAttribute("policy", this.policies.policy());
		model.addAttribute("forced", session.getAttribute(PasswordChangeGate.DUE) != null);
		return "account/password";
	}

	@PostMapping("/password/change")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, HttpSession session, RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw new ValidationFailed("confirmPassword", "password.rule.confirm");
			}
			this.users.changeOwnPassword(currentPassword, newPassword);
		}
		catch (DomainException ex) {
			model.addAttribute("errors", ex instanceof ValidationFailed vf ? vf.violations()
					: List.of(new ValidationFailed.Violation(null, ex.messageKey(), List.of(ex.args()))));
			return passwordForm(model, session);
		}
		session.removeAttribute(PasswordChangeGate.DUE);
		redirect.addFlashAttribute("flash", "password.changed");
		return "redirect:/";
	}

	@GetMapping("/profile")
	String profile(Model model) {
		model.addAttribute("user", this.users.me());
		model.addAttribute("tokens", this.tokens.mine());
		model.addAttribute("zones", List.of("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Taipei", "UTC",
				"Europe/London", "America/New_York"));
		return "account/profile";
	}

	@PostMapping("/profile")
	String savePreferences(@RequestParam String locale, @RequestParam String timeZone, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.users.updatePreferences(locale, timeZone);
		this.locales.setLocale(request, response, UserLocaleResolver.parse(locale));
		redirect.addFlashAttribute("flash", "profile.saved");
		return "redirect:/profile";
	}

	/**
	 * The top bar's language switch: remembered for the user (and in a cookie for the
	 * login page).
	 */
	@PostMapping("/preferences/language")
	String language(@RequestParam String lang, @RequestParam(required = false) String back, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = UserLocaleResolver.parse(lang);
		this.users.updatePreferences(UserLocaleResolver.tag(locale), null);
		this.locales.setLocale(request, response, locale);
		return "redirect:" + safeBack(back);
	}

	@PostMapping("/profile/tokens")
	String issueToken(@RequestParam String name, @RequestParam(defaultValue = "30") int days,
			RedirectAttributes redirect) {
		try {
			IssuedToken issued = this.tokens.issue(name, days);
			redirect.addFlashAttribute("issuedToken", issued.token());
		}
		catch (ValidationFailed ex) {
			redirect.addFlashAttribute("tokenError", ex.messageKey());
		}
		return "redirect:/profile#tokens";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(id);
		redirect.addFlashAttribute("flash", "token.revoked");
		return "redirect:/profile#tokens";
	}

	/** Only a local path may be a redirect target (no open redirect). */
	static String safeBack(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
			return "/";
		}
		return back;
	}

}
