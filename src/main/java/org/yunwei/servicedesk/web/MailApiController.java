package org.yunwei.servicedesk.web;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.web.FileDownloads;
import org.yunwei.servicedesk.MailIntake;
import org.yunwei.servicedesk.MailStatus;
import org.yunwei.servicedesk.MailView;

/**
 * The service mailbox over REST: the mails read and what became of them, a mail handed
 * over by a mail gateway, poll now, retry, discard.
 */
@RestController
@RequestMapping("/api/v1/desk/mail")
@Tag(name = "Service desk")
class MailApiController {

	private final MailIntake intake;

	MailApiController(MailIntake intake) {
		this.intake = intake;
	}

	@GetMapping
	@Operation(summary = "Mails read from the service mailbox, newest first; attention=true: those not imported")
	KeysetPage<MailView> list(@RequestParam(required = false) MailStatus status,
			@RequestParam(defaultValue = "false") boolean attention, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer size) {
		return this.intake.list(status, attention, after, size);
	}

	@PostMapping(consumes = "message/rfc822")
	@Operation(
			summary = "Hand over a mail (raw RFC 5322 message): it is kept and becomes a ticket or a reply like a polled one")
	ResponseEntity<MailView> handOver(@RequestBody byte[] raw) {
		MailView mail = this.intake.handOver(raw);
		return ResponseEntity.created(URI.create("/api/v1/desk/mail/" + mail.id())).body(mail);
	}

	@PostMapping("/poll")
	@Operation(summary = "Read the service mailbox now")
	MailIntake.PollResult poll() {
		return this.intake.pollNow();
	}

	@GetMapping("/{id}")
	MailView get(@PathVariable long id) {
		return this.intake.get(id);
	}

	@GetMapping("/{id}/raw")
	@Operation(summary = "The mail as received (.eml)")
	ResponseEntity<Resource> raw(@PathVariable long id) throws IOException {
		MailView mail = this.intake.get(id);
		return FileDownloads.of("mail-" + id + ".eml", "message/rfc822", mail.size(), this.intake.raw(id));
	}

	record Retry(Long requesterId) {
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Process a not-imported (or ignored) mail again, optionally naming the requester")
	MailView retry(@PathVariable long id, @RequestBody(required = false) Retry retry) {
		return this.intake.retry(id, (retry == null) ? null : retry.requesterId());
	}

	record Discard(@Size(max = 2000) String note) {
	}

	@PostMapping("/{id}/discard")
	@Operation(summary = "Mark a mail as needing no ticket, saying why")
	MailView discard(@PathVariable long id, @Valid @RequestBody Discard discard) {
		return this.intake.discard(id, discard.note());
	}

}
