package org.yunwei.governance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.yunwei.platform.standard.StandardClauses;

/**
 * The standard as data, shipped with the application: its lettered requirements
 * ({@code standard/requirements.tsv}) and its 109 key indicators
 * ({@code standard/indicators.tsv}), on top of the clauses of {@link StandardClauses}. A
 * line that names no clause of the standard, repeats another or is malformed stops the
 * application from starting.
 */
@Component
public class StandardCatalogue {

	private final StandardClauses clauses;

	private final List<Requirement> requirements;

	private final Map<String, IndicatorSpec> indicators;

	private final List<EvidenceRule> rules;

	/** The governance records a {@code RECORD} evidence rule may name. */
	static final java.util.Set<String> RECORDS = java.util.Set.of("programme", "audit", "survey", "compliancePost",
			"complianceTraining");

	private volatile List<org.yunwei.platform.standard.Clause> leaves;

	public StandardCatalogue(StandardClauses clauses) {
		this.clauses = clauses;
		this.requirements = readRequirements();
		this.indicators = readIndicators();
		this.rules = readRules();
	}

	/** The clauses of the standard this catalogue is built on. */
	public StandardClauses clauses() {
		return this.clauses;
	}

	/** The evidence rules of a clause (a leaf: parents are judged by their children). */
	public List<EvidenceRule> rulesOf(String clause) {
		return this.rules.stream().filter((r) -> r.clause().equals(clause)).toList();
	}

	/** Every evidence rule, in the standard's order. */
	public List<EvidenceRule> rules() {
		return this.rules;
	}

	/** The clauses directly under a clause (the chapters under null). */
	public List<org.yunwei.platform.standard.Clause> children(String clause) {
		return this.clauses.all().stream().filter((c) -> {
			int dot = c.number().lastIndexOf('.');
			String parent = (dot < 0) ? null : c.number().substring(0, dot);
			return java.util.Objects.equals(parent, clause);
		}).toList();
	}

	/**
	 * The leaf clauses — those without sub-clauses — in the standard's order: what an
	 * audit covers and evidence rules hang on.
	 */
	public List<org.yunwei.platform.standard.Clause> leaves() {
		List<org.yunwei.platform.standard.Clause> l = this.leaves;
		if (l == null) {
			java.util.Set<String> parents = new java.util.HashSet<>();
			this.clauses.all().forEach((c) -> {
				int dot = c.number().lastIndexOf('.');
				if (dot > 0) {
					parents.add(c.number().substring(0, dot));
				}
			});
			l = this.clauses.all().stream().filter((c) -> !parents.contains(c.number())).toList();
			this.leaves = l;
		}
		return l;
	}

	/** Whether a clause number is a leaf clause of the standard. */
	public boolean isLeaf(String clause) {
		return leaves().stream().anyMatch((c) -> c.number().equals(clause));
	}

	/** Every requirement, in the standard's order. */
	public List<Requirement> requirements() {
		return this.requirements;
	}

	/** The requirements of a clause (those of its sub-clauses are theirs). */
	public List<Requirement> requirementsOf(String clause) {
		return this.requirements.stream().filter((r) -> r.clause().equals(clause)).toList();
	}

	/** Every key indicator, in the standard's order. */
	public List<IndicatorSpec> indicators() {
		return List.copyOf(this.indicators.values());
	}

	public Optional<IndicatorSpec> indicator(String code) {
		return Optional.ofNullable((code == null) ? null : this.indicators.get(code.strip()));
	}

	/** The indicators of a clause. */
	public List<IndicatorSpec> indicatorsOf(String clause) {
		return this.indicators.values().stream().filter((i) -> i.clause().equals(clause)).toList();
	}

	/**
	 * The clause a section belongs to: itself, or the clause whose 要求 it is (8.3.6.1 →
	 * 8.3.6).
	 */
	private String clauseOf(String section) {
		if (this.clauses.exists(section)) {
			return section;
		}
		int dot = section.lastIndexOf('.');
		String parent = (dot < 0) ? section : section.substring(0, dot);
		return this.clauses.exists(parent) ? parent : null;
	}

	private List<Requirement> readRequirements() {
		List<Requirement> result = new ArrayList<>();
		List<String> bad = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String[] f : lines("standard/requirements.tsv")) {
			String clause = (f.length == 4) ? clauseOf(f[0]) : null;
			if (clause == null || !f[1].matches("[a-z]") || f[2].isBlank() || f[3].isBlank()
					|| !seen.add(f[0] + f[1])) {
				bad.add(String.join("\t", f));
				continue;
			}
			result.add(new Requirement(clause, f[0], f[1], f[2], f[3]));
		}
		failOn("standard/requirements.tsv", bad);
		result.sort(java.util.Comparator.comparingInt((Requirement r) -> this.clauses.position(r.clause())));
		return List.copyOf(result);
	}

	private Map<String, IndicatorSpec> readIndicators() {
		Map<String, IndicatorSpec> result = new LinkedHashMap<>();
		List<String> bad = new ArrayList<>();
		for (String[] f : lines("standard/indicators.tsv")) {
			try {
				if (f.length != 11 || result.containsKey(f[0])) {
					throw new IllegalArgumentException();
				}
				int hyphen = f[0].lastIndexOf('-');
				String clause = f[0].substring(0, hyphen);
				if (!this.clauses.exists(clause) || !java.util.Set.of("%", "count", "h").contains(f[4])) {
					throw new IllegalArgumentException();
				}
				String[] source = f[10].split("\\|", 2);
				result.put(f[0],
						new IndicatorSpec(f[0], clause, f[1], Integer.parseInt(f[0].substring(hyphen + 1)), f[2], f[3],
								f[4], IndicatorSpec.Period.valueOf(f[5].toUpperCase(Locale.ROOT)),
								IndicatorSpec.Direction.valueOf(f[6].toUpperCase(Locale.ROOT)), new BigDecimal(f[7]),
								f[8], f[9], source[0], (source.length > 1) ? source[1] : source[0]));
			}
			catch (RuntimeException ex) {
				bad.add(String.join("\t", f));
			}
		}
		failOn("standard/indicators.tsv", bad);
		return result;
	}

	private List<EvidenceRule> readRules() {
		List<EvidenceRule> result = new ArrayList<>();
		List<String> bad = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String[] f : lines("standard/evidence.tsv")) {
			try {
				EvidenceRule.Kind kind = EvidenceRule.Kind.valueOf(f[1]);
				boolean ok = f.length == 5 && this.clauses.exists(f[0]) && children(f[0]).isEmpty() && !f[3].isBlank()
						&& !f[4].isBlank() && seen.add(f[0] + "\t" + f[1] + "\t" + f[2])
						&& (kind != EvidenceRule.Kind.INDICATOR || this.indicators.containsKey(f[2]))
						&& (kind != EvidenceRule.Kind.RECORD || RECORDS.contains(f[2]));
				if (!ok) {
					throw new IllegalArgumentException();
				}
				result.add(new EvidenceRule(f[0], kind, f[2], f[3], f[4]));
			}
			catch (RuntimeException ex) {
				bad.add(String.join("\t", f));
			}
		}
		failOn("standard/evidence.tsv", bad);
		result.sort(java.util.Comparator.comparingInt((EvidenceRule r) -> this.clauses.position(r.clause())));
		return List.copyOf(result);
	}

	private static void failOn(String resource, List<String> bad) {
		if (!bad.isEmpty()) {
			throw new IllegalStateException(resource + " has bad or repeated lines: " + bad);
		}
	}

	private static List<String[]> lines(String resource) {
		List<String[]> result = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					result.add(line.split("\t", -1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return result;
	}

}
