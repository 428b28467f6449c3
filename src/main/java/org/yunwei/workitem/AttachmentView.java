package org.yunwei.workitem;

import java.time.Instant;

/** A file attached to a work item. */
public record AttachmentView(long id, long itemId, String fileName, String contentType, long size, String sha256,
		String uploadedBy, Instant uploadedAt) {
}
