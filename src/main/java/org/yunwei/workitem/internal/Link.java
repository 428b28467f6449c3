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
import org.yunwei.workitem.LinkKind;

/** A typed link between two records of any module. */
@Entity
@Table(name = "wi_link")
@AuditRecordType("link")
public class Link {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String fromType;

	private long fromId;

	@Enumerated(EnumType.STRING)
	private LinkKind kind;

	private String toType;

	private long toId;

	private Long createdBy;

	private Instant createdAt;

	protected Link() {
	}

	public Link(String fromType, long fromId, LinkKind kind, String toType, long toId, Long createdBy,
			Instant createdAt) {
		this.fromType = fromType;
		this.fromId = fromId;
		this.kind = kind;
		this.toType = toType;
		this.toId = toId;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getFromType() {
		return this.fromType;
	}

	public long getFromId() {
		return this.fromId;
	}

	public LinkKind getKind() {
		return this.kind;
	}

	public String getToType() {
		return this.toType;
	}

	public long getToId() {
		return this.toId;
	}

}
