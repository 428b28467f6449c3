package org.yunwei.platform.audit.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEntryView;
import org.yunwei.platform.audit.AuditManagement;
import org.yunwei.platform.audit.AuditQuery;
import org.yunwei.platform.audit.AuditVerification;

/** The audit trail over REST (audit administrator): search, verify, export. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
class AuditApiController {

	private final AuditManagement audit;

	private final AuditExports exports;

	AuditApiController(AuditManagement audit, AuditExports exports) {
		this.audit = audit;
		this.exports = exports;
	}

	@GetMapping
	@Operation(summary = "Search the audit trail, newest first (keyset paging)")
	KeysetPage<AuditEntryView> search(@RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String recordType,
			@RequestParam(required = false) String recordId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer size) {
		return this.audit.search(new AuditQuery(actor, action, recordType, recordId, from, to), after, size);
	}

	@GetMapping("/verify")
	@Operation(summary = "Recompute the hash chain: intact up to entry N, or the first broken entry")
	AuditVerification verify() {
		return this.audit.verify();
	}

	@GetMapping("/export")
	@Operation(summary = "Export matching entries as CSV or Excel (format=csv|xlsx)")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String recordType,
			@RequestParam(required = false) String recordId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, HttpServletResponse response) throws java.io.IOException {
		this.exports.write(new AuditQuery(actor, action, recordType, recordId, from, to), format, response);
	}

}
