package org.yunwei.cmdb;

/**
 * What a CI list shows: a class (with the classes below it), a state, a group, owner,
 * service or location, and words in the number or name.
 */
public record CiFilter(String classCode, CiState state, Long groupId, Long ownerId, Long serviceId, Long locationId,
		String q) {

	public static CiFilter all() {
		return new CiFilter(null, null, null, null, null, null, null);
	}

}
