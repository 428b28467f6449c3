package org.yunwei.governance;

/**
 * What shows that a clause is met, as the catalogue ships it
 * ({@code standard/evidence.tsv}): an approved document of a type serving the clause in
 * effect; a plan of clause 6 in effect; a process's workflow configured and used; a
 * recurring activity held on schedule; an indicator at target; or an assessor's judgement
 * with the evidence they saw.
 */
public record EvidenceRule(String clause, Kind kind, String argument, String labelZh, String labelEn) {

	/** The kinds of evidence. */
	public enum Kind {

		DOC, PLAN, WORKFLOW, RECURRING, INDICATOR, ASSESS, RECORD;

		public String messageKey() {
			return "conformance.rule." + name();
		}

	}

	public String label(String language) {
		return "en".equals(language) ? this.labelEn : this.labelZh;
	}

}
