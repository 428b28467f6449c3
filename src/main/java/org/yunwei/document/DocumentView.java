package org.yunwei.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yunwei.platform.standard.Clause;

/**
 * A controlled document as readers see it: its register entry, the version in effect, the
 * version under way (a draft, awaiting approval, or approved for a later date) and every
 * version it has had, newest first.
 */
public record DocumentView(long id, int version, String number, DocumentType type, String title, String purpose,
		Person owner, List<Clause> clauses, int reviewMonths, DocumentState state, LocalDate effectiveOn,
		LocalDate nextReviewOn, boolean reviewDue, String reviewItemNumber, String retiredReason, Instant retiredAt,
		Instant createdAt, Instant updatedAt, VersionView current, VersionView pending, List<VersionView> versions,
		PlanKind planKind) {

	/** A person named by id, with their display name. */
	public record Person(long id, String name) {
	}

}
