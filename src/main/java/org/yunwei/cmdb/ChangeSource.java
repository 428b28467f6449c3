package org.yunwei.cmdb;

/** Through which channel a CI was changed, as its history shows it. */
public enum ChangeSource {

	UI, API, IMPORT, DISCOVERY, CHANGE;

	public String messageKey() {
		return "cmdb.source." + name();
	}

}
