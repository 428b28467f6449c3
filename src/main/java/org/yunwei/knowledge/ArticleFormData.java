package org.yunwei.knowledge;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An article as its form and REST edit it: the draft's title, text (Markdown), keywords
 * and change note, and the article's category, visibility, groups and review interval.
 * {@code version} is the article's version as read, so a conflicting edit is refused.
 */
public class ArticleFormData {

	@NotBlank
	@Size(max = 200)
	private String title;

	@Size(max = 100000)
	private String body;

	@Size(max = 500)
	private String keywords;

	@Size(max = 2000)
	private String changeNote;

	private Long categoryId;

	@NotNull
	private Visibility visibility = Visibility.INTERNAL;

	@Size(max = 50)
	private List<Long> groupIds = new ArrayList<>();

	@Min(1)
	@Max(60)
	private int reviewMonths = 12;

	private Integer version;

	public static ArticleFormData of(ArticleView a) {
		ArticleFormData f = new ArticleFormData();
		ArticleView.Version v = (a.draft() != null) ? a.draft() : a.current();
		if (v != null) {
			f.title = v.title();
			f.body = v.body();
			f.keywords = v.keywords();
			f.changeNote = (a.draft() != null) ? v.changeNote() : null;
		}
		f.categoryId = (a.category() == null) ? null : a.category().id();
		f.visibility = a.visibility();
		f.groupIds = new ArrayList<>(a.groups().stream().map(ArticleView.Ref::id).toList());
		f.reviewMonths = a.reviewMonths();
		f.version = a.version();
		return f;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getKeywords() {
		return this.keywords;
	}

	public void setKeywords(String keywords) {
		this.keywords = keywords;
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public void setChangeNote(String changeNote) {
		this.changeNote = changeNote;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public Visibility getVisibility() {
		return this.visibility;
	}

	public void setVisibility(Visibility visibility) {
		this.visibility = visibility;
	}

	public List<Long> getGroupIds() {
		return this.groupIds;
	}

	public void setGroupIds(List<Long> groupIds) {
		this.groupIds = (groupIds == null) ? new ArrayList<>() : groupIds;
	}

	public int getReviewMonths() {
		return this.reviewMonths;
	}

	public void setReviewMonths(int reviewMonths) {
		this.reviewMonths = reviewMonths;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
