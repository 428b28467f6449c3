package org.yunwei.platform.audit.internal;

import java.util.ArrayList;
import java.util.List;

/** Compact text for a sorted list of ids: "3,7-9,12". */
final class Gaps {

	private Gaps() {
	}

	static String encode(List<Long> ids) {
		StringBuilder sb = new StringBuilder();
		int i = 0;
		while (i < ids.size()) {
			long start = ids.get(i);
			long end = start;
			while (i + 1 < ids.size() && ids.get(i + 1) == end + 1) {
				end = ids.get(++i);
			}
			if (sb.length() > 0) {
				sb.append(',');
			}
			sb.append(start);
			if (end != start) {
				sb.append('-').append(end);
			}
			i++;
		}
		return sb.toString();
	}

	static List<long[]> decode(String text) {
		List<long[]> ranges = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return ranges;
		}
		for (String part : text.split(",")) {
			int dash = part.indexOf('-');
			long start = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
			long end = dash < 0 ? start : Long.parseLong(part.substring(dash + 1));
			ranges.add(new long[] { start, end });
		}
		return ranges;
	}

	static boolean contains(List<long[]> ranges, long id) {
		for (long[] r : ranges) {
			if (id >= r[0] && id <= r[1]) {
				return true;
			}
		}
		return false;
	}

}
