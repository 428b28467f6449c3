package org.yunwei.platform.standard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clause list shipped with the application, as documents and evidence name it. */
class StandardClausesTests {

	private final StandardClauses clauses = new StandardClauses();

	@Test
	void everyClauseOfChaptersFourToTenIsThereOnceInTheStandardsOrder() {
		List<Clause> all = this.clauses.all();
		assertThat(all).hasSize(75);
		assertThat(all).extracting(Clause::number).doesNotHaveDuplicates();
		assertThat(all.get(0).number()).isEqualTo("4");
		assertThat(all.get(all.size() - 1).number()).isEqualTo("10.2");
		assertThat(all).allSatisfy((c) -> {
			assertThat(c.number()).matches("(?:[4-9]|10)(?:\\.\\d+){0,2}");
			assertThat(c.titleZh()).isNotBlank();
			assertThat(c.titleEn()).isNotBlank();
		});
	}

	@Test
	void titlesAreTheStandardsOwn() {
		assertThat(this.clauses.get("8.4.1")).hasValueSatisfying((c) -> {
			assertThat(c.titleZh()).isEqualTo("例行操作");
			assertThat(c.title("en")).isEqualTo("Routine operations");
			assertThat(c.depth()).isEqualTo(3);
		});
		assertThat(this.clauses.get("10.1").orElseThrow().titleZh()).isEqualTo("不符合项、纠正措施和预防措施");
		assertThat(this.clauses.get("7.6.2").orElseThrow().titleZh()).isEqualTo("软件版本/补丁管理");
	}

	@Test
	void numbersThatAreNotClausesAreNamed() {
		assertThat(this.clauses.unknown(List.of("8.4.1", "8.9.9", "3.1", "6"))).containsExactly("8.9.9", "3.1");
		assertThat(this.clauses.exists(" 8.3.3 ")).isTrue();
		assertThat(this.clauses.get(null)).isEmpty();
	}

}
