package org.yunwei.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Id lists are cut into statements of at most a thousand ids, each id once, in their
 * order — a year of tickets (hundreds of thousands) is more than PostgreSQL's driver
 * takes in one statement.
 */
class IdChunksTests {

	@Test
	void aLongListIsCutIntoChunksOfAThousandEachIdOnce() {
		List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 2500).boxed().toList());
		ids.add(7L);
		List<List<Long>> chunks = new ArrayList<>();
		IdChunks.each(ids, (chunk) -> chunks.add(List.copyOf(chunk)));
		assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 500);
		assertThat(chunks.get(0).get(0)).isEqualTo(1L);
		assertThat(chunks.get(2).get(499)).isEqualTo(2500L);
		assertThat(chunks.stream().flatMap(List::stream).distinct().count()).isEqualTo(2500);
	}

	@Test
	void anEmptyListMakesNoStatement() {
		List<List<Long>> chunks = new ArrayList<>();
		IdChunks.each(List.<Long>of(), chunks::add);
		assertThat(chunks).isEmpty();
	}

}
