package org.yunwei.workitem.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.workitem.JournalKind;

/** One journal entry of a work item; entries are never changed once written. */
@Entity
@Table(name = "wi_journal")
@AuditRecordType("workItemJournal")
public class JournalEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long itemId;

	@Enumerated(EnumType.STRING)
	private JournalKind kind;

	private String body;

	private String changes;

	private Long authorId;

	private String authorName;

	private Instant createdAt;

	protected JournalEntry() {
	}

	public JournalEntry(long itemId, JournalKind kind, String body, String changes, Long authorId, String authorName,
			Instant createdAt) {
		this.itemId = itemId;
		this.kind = kind;
		this.body = body;
		this.changes = changes;
		this.authorId = authorId;
		this.authorName = authorName;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getItemId() {
		return this.itemId;
	}

	public JournalKind getKind() {
		return this.kind;
	}

	public String getBody() {
		return this.body;
	}

	public String getChanges() {
		return this.changes;
	}

	public Long getAuthorId() {
		return this.authorId;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
