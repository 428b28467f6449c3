package org.yunwei.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yunwei.incident.CategoryView;

/**
 * An article as its reader sees it: the version in effect ({@code current}, null until
 * first published), the version under way for those who may edit it ({@code draft}), the
 * earlier versions, its files, and what readers made of it. {@code myVote} is the
 * reader's own "was this helpful" answer (null when not given).
 */
public record ArticleView(long id, int version, String number, ArticleState state, CategoryView category,
		Visibility visibility, List<Ref> groups, Ref owner, int reviewMonths, LocalDate nextReviewOn, boolean reviewDue,
		String sourceNumber, String sourceType, long views, int helpfulYes, int helpfulNo, long uses, Boolean myVote,
		Version current, Version draft, List<Version> history, List<FileView> files, String retiredReason,
		Instant createdAt, Instant updatedAt, boolean canEdit, boolean canManage) {

	/** The title to show: the version in effect, else the draft's. */
	public String title() {
		return (this.current != null) ? this.current.title() : (this.draft != null ? this.draft.title() : this.number);
	}

	/** Share of "helpful" answers, 0–100, or null before any answer. */
	public Integer helpfulPercent() {
		int all = this.helpfulYes + this.helpfulNo;
		return (all == 0) ? null : Math.round(100f * this.helpfulYes / all);
	}

	/** A person or group named by id. */
	public record Ref(long id, String name) {
	}

	/** One version of the article. */
	public record Version(long id, int label, VersionState state, String title, String body, String keywords,
			String changeNote, String approvalNumber, String rejectedReason, String createdBy, Instant createdAt,
			Instant updatedAt, Instant submittedAt, String publishedBy, Instant publishedAt, Instant supersededAt) {
	}

	/** A file of the article. */
	public record FileView(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt) {
	}

}
