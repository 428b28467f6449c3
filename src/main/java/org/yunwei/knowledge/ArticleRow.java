package org.yunwei.knowledge;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article in a list: its number and title, where it is filed, who reads it, its state
 * (with whether a new version is under way), and how it is used.
 */
public record ArticleRow(long id, String number, String title, ArticleState state, boolean pending, String categoryZh,
		String categoryEn, Visibility visibility, String ownerName, long views, int helpfulYes, int helpfulNo,
		long uses, LocalDate nextReviewOn, boolean reviewDue, Instant updatedAt) {

	public String category(String language) {
		return "en".equals(language) ? this.categoryEn : this.categoryZh;
	}

	public Integer helpfulPercent() {
		int all = this.helpfulYes + this.helpfulNo;
		return (all == 0) ? null : Math.round(100f * this.helpfulYes / all);
	}

}
