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
					.getPropertyDescriptor(result.getTarget().getClass(), v.field()) != null) {
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

}
