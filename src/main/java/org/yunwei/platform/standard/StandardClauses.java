package org.yunwei.platform.standard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The clauses of chapters 4–10 of the standard, shipped as data
 * ({@code standard/clauses.tsv}), in the standard's order: what documents, evidence and
 * indicators are linked to. The conformance engine adds requirements and indicators on
 * top of the same numbers.
 */
@Component
public class StandardClauses {

	private final Map<String, Clause> clauses;

	private final Map<String, Integer> positions = new java.util.HashMap<>();

	public StandardClauses() {
		this.clauses = read("standard/clauses.tsv");
		this.clauses.keySet().forEach((n) -> this.positions.put(n, this.positions.size()));
	}

	/**
	 * A clause's place in the standard's order, for sorting (numbers that are not clauses
	 * come last).
	 */
	public int position(String number) {
		return this.positions.getOrDefault(number, Integer.MAX_VALUE);
	}

	/** Every clause, in the standard's order. */
	public List<Clause> all() {
		return List.copyOf(this.clauses.values());
	}

	public Optional<Clause> get(String number) {
		return Optional.ofNullable((number == null) ? null : this.clauses.get(number.strip()));
	}

	public boolean exists(String number) {
		return get(number).isPresent();
	}

	/** The given numbers that are not clauses of the standard. */
	public List<String> unknown(Collection<String> numbers) {
		return numbers.stream().filter((n) -> !exists(n)).toList();
	}

	static Map<String, Clause> read(String resource) {
		Map<String, Clause> result = new LinkedHashMap<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			List<String> bad = new ArrayList<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				if (f.length != 3 || result.containsKey(f[0])) {
					bad.add(line);
					continue;
				}
				result.put(f[0], new Clause(f[0], f[1], f[2]));
			}
			if (!bad.isEmpty()) {
				throw new IllegalStateException(resource + " has bad or repeated lines: " + bad);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return result;
	}

}
