package org.yunwei.problem;

import jakarta.validation.constraints.Size;

/** A problem's root-cause analysis as its analyst writes it, with the version read. */
public class AnalysisFormData {

	private Integer version;

	private CauseCategory causeCategory;

	@Size(max = 2000)
	private String why1;

	@Size(max = 2000)
	private String why2;

	@Size(max = 2000)
	private String why3;

	@Size(max = 2000)
	private String why4;

	@Size(max = 2000)
	private String why5;

	@Size(max = 20000)
	private String rootCause;

	@Size(max = 20000)
	private String workaround;

	@Size(max = 100)
	private String changeRef;

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public CauseCategory getCauseCategory() {
		return this.causeCategory;
	}

	public void setCauseCategory(CauseCategory causeCategory) {
		this.causeCategory = causeCategory;
	}

	public String getWhy1() {
		return this.why1;
	}

	public void setWhy1(String why1) {
		this.why1 = why1;
	}

	public String getWhy2() {
		return this.why2;
	}

	public void setWhy2(String why2) {
		this.why2 = why2;
	}

	public String getWhy3() {
		return this.why3;
	}

	public void setWhy3(String why3) {
		this.why3 = why3;
	}

	public String getWhy4() {
		return this.why4;
	}

	public void setWhy4(String why4) {
		this.why4 = why4;
	}

	public String getWhy5() {
		return this.why5;
	}

	public void setWhy5(String why5) {
		this.why5 = why5;
	}

	public String getRootCause() {
		return this.rootCause;
	}

	public void setRootCause(String rootCause) {
		this.rootCause = rootCause;
	}

	public String getWorkaround() {
		return this.workaround;
	}

	public void setWorkaround(String workaround) {
		this.workaround = workaround;
	}

	public String getChangeRef() {
		return this.changeRef;
	}

	public void setChangeRef(String changeRef) {
		this.changeRef = changeRef;
	}

}
