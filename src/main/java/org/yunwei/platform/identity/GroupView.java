package org.yunwei.platform.identity;

import java.util.List;

/** An assignment group with its leader and members. */
public record GroupView(long id, String code, String name, String description, Long leaderId, String leaderName,
		boolean active, List<Member> members, int version) {

	/** A member of the group. */
	public record Member(long id, String username, String displayName) {
	}

}
