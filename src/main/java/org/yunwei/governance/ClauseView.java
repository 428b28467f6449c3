package org.yunwei.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.yunwei.platform.standard.Clause;

/**
 * A clause as the conformance engine judges it now: its status and score (0–100), for a
 * leaf each evidence rule with what was found, its requirements and the assessments made
 * of it; for a parent its children, whose statuses decide its own.
 */
public record ClauseView(Clause clause, ClauseStatus status, BigDecimal score, List<RuleResult> rules,
		List<Requirement> requirements, List<Assessment> assessments, List<ClauseView> children) {

	/** A rule and what was found for it: its status, the evidence, and a note on why. */
	public record RuleResult(EvidenceRule rule, ClauseStatus status, List<Evidence> evidence, String note,
			List<Object> noteArgs) {
	}

	/** A piece of evidence and where it is shown. */
	public record Evidence(String label, String path) {
	}

	/** An assessor's judgement of the clause with the evidence they saw. */
	public record Assessment(long id, ClauseStatus verdict, String evidence, String assessor, LocalDate assessedOn,
			LocalDate validUntil) {
	}

	/** The leaves under this clause (itself when it is one). */
	public List<ClauseView> leaves() {
		if (this.children.isEmpty()) {
			return List.of(this);
		}
		return this.children.stream().flatMap((c) -> c.leaves().stream()).toList();
	}

	/** How many leaves under it have a status. */
	public long count(ClauseStatus status) {
		return leaves().stream().filter((c) -> c.status() == status).count();
	}

}
