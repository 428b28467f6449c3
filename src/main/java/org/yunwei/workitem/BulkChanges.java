package org.yunwei.workitem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.web.FormErrors;

/**
 * Bulk actions on the records chosen in a list: assign them, or take a transition on all
 * of them. Each record is changed in a transaction of its own, with exactly the checks of
 * a single change; the records that refuse (not allowed, not in that state, a required
 * comment …) are reported with their reason and the others go through.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class BulkChanges {

	/** The most records one bulk action takes. */
	public static final int MAX = 500;

	/** A record that refused, and why (a message key and its arguments). */
	public record Refusal(String number, String messageKey, List<Object> args) {
	}

	/** What a bulk action did. */
	public record Result(int changed, List<Refusal> refused) {
	}

	private final WorkItems items;

	private final TransactionTemplate each;

	BulkChanges(WorkItems items, PlatformTransactionManager transactions) {
		this.items = items;
		this.each = new TransactionTemplate(transactions);
	}

	public Result assign(List<Long> ids, Long assigneeId, Long groupId) {
		if (assigneeId == null && groupId == null) {
			throw new ValidationFailed("assigneeId", "bulk.error.nothingToAssign");
		}
		return run(ids, (id) -> this.items.assign(id, assigneeId, groupId));
	}

	public Result transition(List<Long> ids, String transition, String comment) {
		if (transition == null || transition.isBlank()) {
			throw new ValidationFailed("transition", "bulk.error.transition");
		}
		return run(ids,
				(id) -> this.items.take(id, transition, new TransitionRequest(comment, false, null, null, null)));
	}

	private Result run(List<Long> ids, LongConsumer change) {
		if (ids == null || ids.isEmpty()) {
			throw new ValidationFailed("ids", "bulk.error.none");
		}
		if (ids.size() > MAX) {
			throw new ValidationFailed("ids", "bulk.error.tooMany", MAX);
		}
		int changed = 0;
		List<Refusal> refused = new ArrayList<>();
		for (Long id : ids.stream().distinct().toList()) {
			try {
				this.each.executeWithoutResult((s) -> change.accept(id));
				changed++;
			}
			catch (DomainException ex) {
				String number = String.valueOf(id);
				try {
					number = this.items.get(String.valueOf(id)).number();
				}
				catch (DomainException notVisible) {
					// keep the id: the caller may not see the record
				}
				refused.add(new Refusal(number, FormErrors.firstMessageKey(ex),
						java.util.Arrays.asList(FormErrors.firstArgs(ex))));
			}
		}
		return new Result(changed, refused);
	}

}
