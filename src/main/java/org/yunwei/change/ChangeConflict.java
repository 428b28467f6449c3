package org.yunwei.change;

import java.time.Instant;
import java.util.List;

/**
 * Another change whose window overlaps this one's and that touches the same CIs or
 * services (named), or a freeze window the change falls into ({@code freeze} set, no
 * other change).
 */
public record ChangeConflict(String otherNumber, String otherTitle, String otherState, Instant otherStart,
		Instant otherEnd, List<String> shared, String freeze) {

	public boolean isFreeze() {
		return this.freeze != null;
	}

}
