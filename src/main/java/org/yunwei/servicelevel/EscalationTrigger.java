package org.yunwei.servicelevel;

/** The clock event an escalation rule acts on. */
public enum EscalationTrigger {

	WARNING, BREACH;

	public String messageKey() {
		return "sla.trigger." + name();
	}

}
