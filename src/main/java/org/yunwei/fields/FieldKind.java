package org.yunwei.fields;

/** What a custom field holds. */
public enum FieldKind {

	TEXT, NUMBER, DATE, SELECT, MULTI_SELECT, USER, GROUP;

	public String messageKey() {
		return "field.kind." + name();
	}

	public boolean choice() {
		return this == SELECT || this == MULTI_SELECT;
	}

}
