package org.yunwei.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param intact true when no entry or seal was altered or removed
 * @param intactUpTo the last entry id up to which everything verified (0 when none)
 * @param sealedUpTo the last entry id covered by a seal
 * @param entriesChecked entries whose own hash was recomputed
 * @param seals seals whose chain was recomputed
 * @param firstBrokenEntry the first entry found altered or missing, or null
 * @param findings what was found, in order (altered, missing, added after sealing)
 */
public record AuditVerification(boolean intact, long intactUpTo, long sealedUpTo, long entriesChecked, long seals,
		Long firstBrokenEntry, List<Finding> findings, Instant checkedAt) {

	/** One finding of the check. */
	public record Finding(Kind kind, long entryId, Long sealId) {
	}

	/** What a finding is. Each has the message key {@code audit.finding.<NAME>}. */
	public enum Kind {

		/** The entry's content no longer matches its hash. */
		ALTERED,
		/** A sealed entry is no longer there. */
		MISSING,
		/**
		 * An entry appeared inside a range that was already sealed (it committed late).
		 */
		ADDED_AFTER_SEAL,
		/** A seal's hash or its link to the previous seal does not match. */
		SEAL_BROKEN;

		public String messageKey() {
			return "audit.finding." + name();
		}

		public boolean breaksIntegrity() {
			return this != ADDED_AFTER_SEAL;
		}

	}

}
