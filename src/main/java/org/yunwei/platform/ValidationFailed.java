package org.yunwei.platform;

import java.util.List;

/**
 * Valid input that breaks one or more domain rules (422 over REST, inline messages in the
 * UI). A violation's field is null when the rule concerns the whole record.
 */
public class ValidationFailed extends DomainException {

	private final transient List<Violation> violations;

	public ValidationFailed(String field, String messageKey, Object... args) {
		this(List.of(new Violation(field, messageKey, List.of(args))));
	}

	public ValidationFailed(List<Violation> violations) {
		super(violations.get(0).messageKey(), violations.get(0).args().toArray());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/** One broken rule: the field it concerns and its message key with arguments. */
	public record Violation(String field, String messageKey, List<Object> args) {
	}

}
