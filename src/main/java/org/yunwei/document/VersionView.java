package org.yunwei.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a document: its text (Markdown), an SOP's steps, what changed, its
 * approval record and its files.
 */
public record VersionView(long id, int version, long documentId, String label, VersionState state, String content,
		List<String> steps, String changeNote, LocalDate effectiveOn, String approvalNumber, String submittedBy,
		Instant submittedAt, String approvedBy, Instant approvedAt, String rejectedReason, Instant supersededAt,
		String createdBy, Instant createdAt, Instant updatedAt, List<FileView> files) {

	/** A file of a version. */
	public record FileView(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt) {
	}

}
