package org.yunwei.workitem;

import java.util.List;

/** A transition the caller may take now. */
public record TransitionView(String name, String label, String to, String toName, StateCategory toCategory,
		boolean commentRequired, List<String> requiredFields) {
}
