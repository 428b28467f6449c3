package org.yunwei.workitem.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.yunwei.workitem.AttachmentView;
import org.yunwei.workitem.WorkItems;

/**
 * An attachment as a download: always {@code attachment} (never shown inline), with the
 * type the store checked and {@code nosniff}, so no uploaded file runs in the browser.
 */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<Resource> of(WorkItems items, long itemId, long attachmentId) throws IOException {
		AttachmentView a = items.attachment(itemId, attachmentId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(a.size())
			.body(new InputStreamResource(items.content(itemId, attachmentId)));
	}

}
