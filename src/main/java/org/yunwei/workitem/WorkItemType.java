package org.yunwei.workitem;

/**
 * A kind of work item a module declares as a bean: routine task, incident, change …
 *
 * @param code the type's code in URLs, REST and the audit trail (e.g. {@code routine})
 * @param prefix the number prefix (e.g. {@code RT} gives {@code RT-2026-000123})
 * @param permission the permission prefix: {@code <permission>:read} to see records,
 * {@code <permission>:write} to create and work on them, {@code <permission>:submit} to
 * raise one for oneself (a department user's fault report) and take the transitions the
 * workflow allows the requester
 * @param defaultWorkflow classpath resource of the workflow installed on first start
 * @param icon a Bootstrap icon name
 * @param newPage the module's own page for raising one (a change, with its type and
 * template), used instead of the kernel's form; null for the kernel's form
 */
public record WorkItemType(String code, String prefix, String permission, String defaultWorkflow, String icon,
		String newPage) {

	public WorkItemType(String code, String prefix, String permission, String defaultWorkflow, String icon) {
		this(code, prefix, permission, defaultWorkflow, icon, null);
	}

	public String readPermission() {
		return this.permission + ":read";
	}

	public String writePermission() {
		return this.permission + ":write";
	}

	public String submitPermission() {
		return this.permission + ":submit";
	}

	/** Message key of the type's name, e.g. {@code workitem.type.routine}. */
	public String nameKey() {
		return "workitem.type." + this.code;
	}

}
