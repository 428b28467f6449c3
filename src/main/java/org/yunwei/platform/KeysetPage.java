package org.yunwei.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by keyset: the items and the opaque cursor of the next page
 * (null on the last page). Lists never use OFFSET; the caller passes {@code after} back
 * unchanged.
 */
public record KeysetPage<T>(List<T> items, String next) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	/** Clamps a requested page size to 1..500 (default 50). */
	public static int size(Integer requested) {
		if (requested == null) {
			return DEFAULT_SIZE;
		}
		if (requested < 1 || requested > MAX_SIZE) {
			throw new ValidationFailed("size", "error.pageSize", MAX_SIZE);
		}
		return requested;
	}

	/**
	 * Builds a page from up to {@code size + 1} rows read in key order: the extra row
	 * only tells that a next page exists.
	 */
	public static <T> KeysetPage<T> of(List<T> rows, int size, Function<T, String> key) {
		if (rows.size() <= size) {
			return new KeysetPage<>(List.copyOf(rows), null);
		}
		List<T> items = List.copyOf(rows.subList(0, size));
		return new KeysetPage<>(items, encode(key.apply(items.get(size - 1))));
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor; a cursor that was not produced by {@link #encode} is a 400. */
	public static String decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new ValidationFailed("after", "error.cursor");
		}
	}

	/** Decodes a cursor that holds a numeric id. */
	public static Long decodeId(String cursor) {
		String key = decode(cursor);
		if (key == null) {
			return null;
		}
		try {
			return Long.valueOf(key);
		}
		catch (NumberFormatException ex) {
			throw new ValidationFailed("after", "error.cursor");
		}
	}

}
