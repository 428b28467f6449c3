package org.yunwei.platform.search;

import java.util.List;

/** A page of ranked results and how many there are in all. */
public record SearchResults(String query, long total, int page, int size, List<SearchHit> hits) {

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	public int pages() {
		return (int) Math.min(Integer.MAX_VALUE, (this.total + this.size - 1) / this.size);
	}

}
