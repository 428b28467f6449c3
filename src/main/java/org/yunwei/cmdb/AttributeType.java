package org.yunwei.cmdb;

/** The type of a CI attribute, which decides how a value is checked and compared. */
public enum AttributeType {

	TEXT, NUMBER, DATE, BOOLEAN, CHOICE, IP;

	public String messageKey() {
		return "cmdb.type." + name();
	}

}
