package org.yunwei.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.platform.ValidationFailed;

/**
 * JSON merge patch (RFC 7396) onto a form object: the patch overlays the record's current
 * values, unknown properties are refused, and the result is validated like a form.
 */
@Component
public class JsonPatches {

	private final JsonMapper mapper;

	private final Validator validator;

	JsonPatches(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	public <T> T apply(T current, String patch) {
		T patched;
		try {
			patched = this.mapper.readerForUpdating(current).readValue(patch == null ? "{}" : patch);
		}
		catch (JacksonException ex) {
			throw new MalformedBody(ex);
		}
		validate(patched);
		return patched;
	}

	/**
	 * Bean Validation of a body read outside Spring's binding; each violation as a field
	 * error.
	 */
	public <T> void validate(T value) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			List<ValidationFailed.Violation> list = new ArrayList<>();
			for (ConstraintViolation<T> v : violations) {
				list.add(new ValidationFailed.Violation(v.getPropertyPath().toString(), v.getMessage(), List.of()));
			}
			throw new ValidationFailed(list);
		}
	}

	/** A request body that is not valid JSON or names an unknown property (400). */
	public static class MalformedBody extends RuntimeException {

		public MalformedBody(JacksonException cause) {
			super(cause.getOriginalMessage(), cause);
		}

		public String unknownProperty() {
			return (getCause() instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u)
					? u.getPropertyName() : null;
		}

	}

}
