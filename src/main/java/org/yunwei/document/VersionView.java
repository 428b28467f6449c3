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
		String createdBy, Instant createdAt, Instant updatedAt, List<FileView> files, List<Section> sections) {

	/** What a plan's section says (null when it is not written). */
	public String section(String key) {
		return this.sections.stream().filter((s) -> s.key().equals(key)).map(Section::content).findFirst().orElse(null);
	}

	/** How many of the given sections are written. */
	public long sectionsWritten(List<String> keys) {
		return keys.stream().filter((k) -> section(k) != null).count();
	}

	/** A section of a plan and what it says (blank when not yet written). */
	public record Section(String key, String content) {

		public boolean filled() {
			return this.content != null && !this.content.isBlank();
		}

	}

	/** A file of a version. */
	public record FileView(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt) {
	}

}
