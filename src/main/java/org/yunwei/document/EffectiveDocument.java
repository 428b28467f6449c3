package org.yunwei.document;

import java.time.LocalDate;
import java.util.Set;

/** A document in effect: what it is, the version in effect, the clauses it serves. */
public record EffectiveDocument(long id, String number, DocumentType type, String title, PlanKind planKind,
		String label, LocalDate effectiveOn, Set<String> clauses) {
}
