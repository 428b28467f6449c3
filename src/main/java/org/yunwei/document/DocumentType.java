package org.yunwei.document;

/** The kinds of controlled document, each numbered on its own ({@code SOP-0007}). */
public enum DocumentType {

	POLICY("POL"), PLAN("PLN"), PROCEDURE("PRC"), SOP("SOP"), REPORT("RPT"), RECORD("REC");

	private final String prefix;

	DocumentType(String prefix) {
		this.prefix = prefix;
	}

	public String prefix() {
		return this.prefix;
	}

	public String messageKey() {
		return "document.type." + name();
	}

}
