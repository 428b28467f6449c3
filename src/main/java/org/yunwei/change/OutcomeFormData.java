package org.yunwei.change;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The outcome of a change's implementation, recorded before it is declared finished; the
 * actual window defaults to the start recorded and now.
 */
public class OutcomeFormData {

	@NotNull
	private ChangeOutcome outcome;

	@Size(max = 20000)
	private String notes;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime actualStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime actualEnd;

	public ChangeOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(ChangeOutcome outcome) {
		this.outcome = outcome;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public LocalDateTime getActualStart() {
		return this.actualStart;
	}

	public void setActualStart(LocalDateTime actualStart) {
		this.actualStart = actualStart;
	}

	public LocalDateTime getActualEnd() {
		return this.actualEnd;
	}

	public void setActualEnd(LocalDateTime actualEnd) {
		this.actualEnd = actualEnd;
	}

}
