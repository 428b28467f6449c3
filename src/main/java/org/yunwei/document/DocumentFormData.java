package org.yunwei.document;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A document's register entry as its form and REST edit it: what it is, who answers for
 * it, which clauses it serves and how often it is reviewed. The content lives in its
 * versions; on creation, {@code content} and {@code steps} give the first draft.
 */
public class DocumentFormData {

	@NotNull
	private DocumentType type;

	@NotBlank
	@Size(max = 200)
	private String title;

	@Size(max = 4000)
	private String purpose;

	@NotNull
	private Long ownerId;

	@Size(max = 30)
	private List<@Size(max = 20) String> clauses = new ArrayList<>();

	@Min(1)
	@Max(60)
	private int reviewMonths = 12;

	/** For a plan: which of the plans of clause 6 it is, whose sections it must have. */
	private PlanKind planKind;

	/** The first version's text, when the document is created. */
	@Size(max = 200000)
	private String content;

	/**
	 * The first version's steps (an SOP's, one per line), when the document is created.
	 */
	@Size(max = 20000)
	private String steps;

	private Integer version;

	public static DocumentFormData of(DocumentView d) {
		DocumentFormData f = new DocumentFormData();
		f.type = d.type();
		f.title = d.title();
		f.purpose = d.purpose();
		f.ownerId = d.owner().id();
		f.clauses = new ArrayList<>(d.clauses().stream().map((c) -> c.number()).toList());
		f.reviewMonths = d.reviewMonths();
		f.planKind = d.planKind();
		f.version = d.version();
		return f;
	}

	public DocumentType getType() {
		return this.type;
	}

	public void setType(DocumentType type) {
		this.type = type;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(String purpose) {
		this.purpose = purpose;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public List<String> getClauses() {
		return this.clauses;
	}

	public void setClauses(List<String> clauses) {
		this.clauses = (clauses == null) ? new ArrayList<>() : clauses;
	}

	public PlanKind getPlanKind() {
		return this.planKind;
	}

	public void setPlanKind(PlanKind planKind) {
		this.planKind = planKind;
	}

	public int getReviewMonths() {
		return this.reviewMonths;
	}

	public void setReviewMonths(int reviewMonths) {
		this.reviewMonths = reviewMonths;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getSteps() {
		return this.steps;
	}

	public void setSteps(String steps) {
		this.steps = steps;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
