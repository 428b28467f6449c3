package org.yunwei.platform.web;

import org.springframework.validation.BindingResult;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;

/** Puts a domain refusal into a form's binding result, so the form shows it inline. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult result, DomainException ex) {
		if (ex instanceof ValidationFailed vf) {
			for (ValidationFailed.Violation v : vf.violations()) {
				Object[] args = v.args().toArray();
				if (v.field() != null && result.getTarget() != null && org.springframework.beans.BeanUtils
					.getPropertyDescriptor(result.getTarget().getClass(), property(v.field())) != null) {
					result.rejectValue(v.field(), v.messageKey(), args, v.messageKey());
				}
				else {
					result.reject(v.messageKey(), args, v.messageKey());
				}
			}
			return;
		}
		result.reject(ex.messageKey(), ex.args(), ex.messageKey());
	}

	/**
	 * The bean property a field path starts with: {@code attributes[ip]} →
	 * {@code attributes}.
	 */
	private static String property(String field) {
		int bracket = field.indexOf('[');
		return (bracket < 0) ? field : field.substring(0, bracket);
	}

	/**
	 * The message key to show for a refusal outside a form (a flash message): the first
	 * violation's, or the exception's own.
	 */
	public static String firstMessageKey(DomainException ex) {
		if (ex instanceof ValidationFailed vf && !vf.violations().isEmpty()) {
			return vf.violations().get(0).messageKey();
		}
		return ex.messageKey();
	}

	/** The arguments that go with {@link #firstMessageKey}. */
	public static Object[] firstArgs(DomainException ex) {
		if (ex instanceof ValidationFailed vf && !vf.violations().isEmpty()) {
			return vf.violations().get(0).args().toArray();
		}
		return ex.args();
	}

	/** Shows a refusal as the error message of the page a redirect leads to. */
	public static void flash(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			DomainException ex) {
		redirect.addFlashAttribute("flashError", firstMessageKey(ex));
		redirect.addFlashAttribute("flashErrorArgs", firstArgs(ex));
	}

	/**
	 * Runs a page's action: on success flashes {@code done}, on a refusal flashes its
	 * message (the page is shown again after the redirect either way).
	 * @return whether it succeeded
	 */
	public static boolean attempt(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String done,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
			return true;
		}
		catch (DomainException ex) {
			flash(redirect, ex);
			return false;
		}
	}

}
