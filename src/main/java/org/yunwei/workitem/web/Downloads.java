package org.yunwei.workitem.web;

import java.io.IOException;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

import org.yunwei.platform.web.FileDownloads;
import org.yunwei.workitem.AttachmentView;
import org.yunwei.workitem.WorkItems;

/** A work item's attachment as a download, after the record's read check. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<Resource> of(WorkItems items, long itemId, long attachmentId) throws IOException {
		AttachmentView a = items.attachment(itemId, attachmentId);
		return FileDownloads.of(a.fileName(), a.contentType(), a.size(), items.content(itemId, attachmentId));
	}

}
