package org.yunwei.platform.identity;

/** A department of the tree, with its depth (0 for a root) and its number of users. */
public record DepartmentView(long id, String code, String name, Long parentId, int sortOrder, boolean active, int depth,
		long users, int version) {

}
