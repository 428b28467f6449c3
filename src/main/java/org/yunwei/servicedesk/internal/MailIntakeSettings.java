package org.yunwei.servicedesk.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.yunwei.servicedesk.TicketKind;

/**
 * The service mailbox polled for e-mail to ticket ({@code yunwei.mail.intake.*}, e.g.
 * {@code YUNWEI_MAIL_INTAKE_HOST}): off while no host is set. The password stays in the
 * environment, never in the database or a log.
 *
 * @param protocol {@code imaps} (TLS, the default) or {@code imap}
 * @param kind what a new mail becomes
 * @param address the mailbox's own address(es), comma separated: mail from them is a loop
 * (default: the username when it is an address)
 * @param floodLimit more mails than this from one sender in an hour are ignored as a loop
 */
@ConfigurationProperties("yunwei.mail.intake")
public record MailIntakeSettings(String host, @DefaultValue("imaps") String protocol, @DefaultValue("0") int port,
		String username, String password, @DefaultValue("INBOX") String folder,
		@DefaultValue("INCIDENT") TicketKind kind, @DefaultValue("PT1M") Duration interval, String address,
		@DefaultValue("50") int maxPerPoll, @DefaultValue("20") int floodLimit) {

	public boolean configured() {
		return this.host != null && !this.host.isBlank();
	}

	public int effectivePort() {
		return (this.port > 0) ? this.port : ("imaps".equals(this.protocol) ? 993 : 143);
	}

	public List<String> ownAddresses() {
		String own = (this.address != null && !this.address.isBlank()) ? this.address
				: ((this.username != null && this.username.contains("@")) ? this.username : "");
		return java.util.Arrays.stream(own.split(",")).map(String::strip).filter((a) -> !a.isEmpty()).toList();
	}

	/** Where it reads from, for the page: {@code user@host:port/folder}, no password. */
	public String mailbox() {
		return configured()
				? this.username + " @ " + this.protocol + "://" + this.host + ":" + effectivePort() + "/" + this.folder
				: null;
	}

}
