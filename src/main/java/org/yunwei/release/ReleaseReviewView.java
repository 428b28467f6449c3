package org.yunwei.release;

import java.time.Instant;
import java.time.LocalDate;

/** A periodic release review: the period, its figures, findings and improvements. */
public record ReleaseReviewView(long id, LocalDate from, LocalDate to, int releases, int successful, String findings,
		String improvements, String heldBy, Instant heldAt) {
}
