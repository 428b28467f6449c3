package org.yunwei.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The post-implementation review: whether the change met its objectives, and what was
 * learned.
 */
public class ReviewFormData {

	@NotNull
	private Boolean objectivesMet;

	@NotBlank
	@Size(max = 20000)
	private String review;

	public Boolean getObjectivesMet() {
		return this.objectivesMet;
	}

	public void setObjectivesMet(Boolean objectivesMet) {
		this.objectivesMet = objectivesMet;
	}

	public String getReview() {
		return this.review;
	}

	public void setReview(String review) {
		this.review = review;
	}

}
