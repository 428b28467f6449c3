package org.yunwei.workitem;

/**
 * Published, inside the transaction, when an approval step becomes someone's turn (a
 * request opens, or a sequential chain moves on).
 */
public record ApprovalRequested(long itemId, long stepId, long approverId) {
}
