package org.yunwei.cmdb;

/** Where a configuration item is in its life. */
public enum CiState {

	PLANNED, BUILDING, IN_SERVICE, MAINTENANCE, STANDBY, RETIRED;

	public String messageKey() {
		return "cmdb.state." + name();
	}

	/** Bootstrap colour of its badge. */
	public String badge() {
		return switch (this) {
			case IN_SERVICE -> "text-bg-success";
			case MAINTENANCE -> "text-bg-warning";
			case RETIRED -> "text-bg-secondary";
			case STANDBY -> "text-bg-info";
			default -> "text-bg-light border";
		};
	}

}
