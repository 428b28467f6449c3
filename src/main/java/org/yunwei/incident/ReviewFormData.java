package org.yunwei.incident;

import jakarta.validation.constraints.Size;

/**
 * A major incident's post-incident review: what happened, why, what is done so it does
 * not happen again, what was learnt; {@code complete} marks it done.
 */
public class ReviewFormData {

	@Size(max = 20000)
	private String summary;

	@Size(max = 20000)
	private String cause;

	@Size(max = 20000)
	private String actions;

	@Size(max = 20000)
	private String lessons;

	private boolean complete;

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getCause() {
		return this.cause;
	}

	public void setCause(String cause) {
		this.cause = cause;
	}

	public String getActions() {
		return this.actions;
	}

	public void setActions(String actions) {
		this.actions = actions;
	}

	public String getLessons() {
		return this.lessons;
	}

	public void setLessons(String lessons) {
		this.lessons = lessons;
	}

	public boolean isComplete() {
		return this.complete;
	}

	public void setComplete(boolean complete) {
		this.complete = complete;
	}

}
