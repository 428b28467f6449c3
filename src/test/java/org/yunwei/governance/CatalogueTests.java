package org.yunwei.governance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yunwei.platform.standard.StandardClauses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue shipped with the application against the standard's own text (a copy of
 * 《信息技术服务运行维护通用要求用户实施规范》 under {@code src/test/resources/standard}): every key indicator
 * with its code and name, every lettered requirement.
 */
class CatalogueTests {

	private static final Pattern HEADING = Pattern.compile("^#+\\s*(\\d+(?:\\.\\d+)*)\\s*(.*)$");

	private static final Pattern ITEM = Pattern.compile("^\\s*(?:-\\s*)?([a-z])\\)\\s*(.*)$");

	private final StandardCatalogue catalogue = new StandardCatalogue(new StandardClauses());

	/**
	 * What the standard's text lists: code → name, and section + letter of each
	 * requirement.
	 */
	private record Text(Map<String, String> indicators, List<String> requirements) {
	}

	private static Text read() throws IOException {
		String text;
		try (InputStream in = CatalogueTests.class.getResourceAsStream("/standard/standard-zh.md")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> indicators = new LinkedHashMap<>();
		List<String> requirements = new ArrayList<>();
		Map<String, Integer> positions = new LinkedHashMap<>();
		String section = null;
		boolean indicatorList = false;
		for (String line : text.split("\n")) {
			Matcher h = HEADING.matcher(line);
			if (h.matches()) {
				section = h.group(1);
				indicatorList = h.group(2).contains("关键指标");
				continue;
			}
			Matcher item = ITEM.matcher(line);
			if (!item.matches() || section == null || Integer.parseInt(section.split("\\.")[0]) < 4) {
				continue;
			}
			if (indicatorList) {
				String clause = section.substring(0, section.lastIndexOf('.'));
				int position = positions.merge(clause, 1, Integer::sum);
				indicators.put(clause + "-" + position, item.group(2).replaceAll("[；;。.,，、\\s]+$", ""));
			}
			else {
				requirements.add(section + " " + item.group(1) + ")");
			}
		}
		return new Text(indicators, requirements);
	}

	@Test
	void all109IndicatorsWithTheStandardsCodesAndNames() throws IOException {
		Text text = read();
		assertThat(text.indicators()).hasSize(109);
		assertThat(this.catalogue.indicators()).hasSize(109);
		Map<String, String> shipped = new LinkedHashMap<>();
		this.catalogue.indicators().forEach((i) -> shipped.put(i.code(), i.nameZh()));
		assertThat(shipped).containsExactlyEntriesOf(text.indicators());
		assertThat(this.catalogue.indicator("8.3.3-1").orElseThrow().nameZh()).isEqualTo("事件服务级别的达成率");
		assertThat(this.catalogue.indicator("6-1").orElseThrow().section()).isEqualTo("6.2");
		assertThat(this.catalogue.indicator("7.5-2").orElseThrow().clause()).isEqualTo("7.5");
		assertThat(this.catalogue.indicator("8.8-3").orElseThrow().nameZh()).isEqualTo("对外包服务商考核指标的完整性、客观性");
	}

	@Test
	void theCountPerClauseIsTheStandards() throws IOException {
		Map<String, Long> expected = new LinkedHashMap<>();
		read().indicators().keySet().forEach((c) -> expected.merge(c.substring(0, c.lastIndexOf('-')), 1L, Long::sum));
		Map<String, Long> shipped = new LinkedHashMap<>();
		this.catalogue.indicators().forEach((i) -> shipped.merge(i.clause(), 1L, Long::sum));
		assertThat(shipped).containsExactlyEntriesOf(expected);
		assertThat(shipped).containsEntry("6", 5L)
			.containsEntry("8.3.6", 3L)
			.containsEntry("8.7.1", 4L)
			.containsEntry("10.2", 2L);
	}

	@Test
	void everyIndicatorIsDefined() {
		assertThat(this.catalogue.indicators()).allSatisfy((i) -> {
			assertThat(i.nameEn()).isNotBlank();
			assertThat(i.formulaZh()).isNotBlank();
			assertThat(i.formulaEn()).isNotBlank();
			assertThat(i.sourceZh()).isNotBlank();
			assertThat(i.sourceEn()).isNotBlank();
			assertThat(i.unit()).isIn("%", "count", "h");
			assertThat(i.defaultTarget().signum()).isNotNegative();
			if ("%".equals(i.unit())) {
				assertThat(i.defaultTarget()).isLessThanOrEqualTo(java.math.BigDecimal.valueOf(100));
			}
		});
	}

	@Test
	void everyLetteredRequirementIsSummarisedInBothLanguages() throws IOException {
		List<String> text = read().requirements();
		assertThat(text).hasSize(283);
		assertThat(this.catalogue.requirements()).extracting(Requirement::reference).containsExactlyElementsOf(text);
		assertThat(this.catalogue.requirements()).allSatisfy((r) -> {
			assertThat(r.summaryZh()).isNotBlank().hasSizeLessThanOrEqualTo(80);
			assertThat(r.summaryEn()).isNotBlank();
		});
		assertThat(this.catalogue.requirementsOf("8.3.6")).extracting(Requirement::reference).startsWith("8.3.6.1 a)");
		assertThat(this.catalogue.requirementsOf("6")).hasSize(9);
		assertThat(this.catalogue.requirementsOf("9.2")).extracting(Requirement::letter)
			.containsExactly("a", "b", "c", "d", "e");
	}

}
