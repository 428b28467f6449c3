package org.yunwei.document;

import java.util.List;

/**
 * The plans clause 6 asks for, each with the elements it must cover — a plan of a kind is
 * written section by section, and the share of its sections filled in the version in
 * effect is the plan's completeness (6-1, 6-2) or coverage (6-3).
 * <ul>
 * <li>the O&amp;M plan (运维计划): the nine elements of 6.1 a)–i);</li>
 * <li>the quality management plan (质量管理计划): objectives and their measurement, and the
 * evaluation and improvement cycle of chapters 9 and 10;</li>
 * <li>the resource management plan (资源管理计划): the support resources of chapter 7.</li>
 * </ul>
 */
public enum PlanKind {

	OPERATIONS(DocumentType.PLAN, "6-1",
			List.of("design", "catalogue", "teams", "resources", "security", "processes", "indicators", "review",
					"outsourcing")),

	QUALITY(DocumentType.PLAN, "6-2",
			List.of("objectives", "measures", "monitoring", "audit", "satisfaction", "compliance", "review",
					"corrective", "improvement")),

	RESOURCES(DocumentType.PLAN, "6-3",
			List.of("funding", "people", "technology", "tools", "spares", "knowledge", "assets", "serviceDesk")),

	/**
	 * The periodic analysis-and-evaluation report of 9.1 (a report): the five things
	 * 9.1.1 a)–e) ask it to evaluate; measured over the reports approved in a period
	 * (9.1-3).
	 */
	EVALUATION(DocumentType.REPORT, "9.1-3", List.of("objectives", "sla", "policies", "suitability", "appraisal"));

	private final DocumentType type;

	private final String indicator;

	private final List<String> sections;

	PlanKind(DocumentType type, String indicator, List<String> sections) {
		this.type = type;
		this.indicator = indicator;
		this.sections = sections;
	}

	/** The type of document of this kind. */
	public DocumentType type() {
		return this.type;
	}

	/**
	 * Whether its indicator counts the documents approved in a period, not those in
	 * effect at its end.
	 */
	public boolean periodic() {
		return this.type == DocumentType.REPORT;
	}

	/** The key indicator that measures plans of this kind. */
	public String indicator() {
		return this.indicator;
	}

	/** The sections a plan of this kind must have, in order. */
	public List<String> sections() {
		return this.sections;
	}

	public String messageKey() {
		return "document.planKind." + name();
	}

	/** The message key of one of its sections' titles. */
	public String sectionKey(String section) {
		return "document.plan." + name() + "." + section;
	}

}
