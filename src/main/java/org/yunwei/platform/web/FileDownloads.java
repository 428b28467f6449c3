package org.yunwei.platform.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as a download: always {@code attachment} (never shown inline), with the
 * type the file store checked and {@code nosniff}, so no uploaded file runs in the
 * browser. Every module serves its files through this one place.
 */
public final class FileDownloads {

	private FileDownloads() {
	}

	public static ResponseEntity<Resource> of(String fileName, String contentType, long size, InputStream content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(size)
			.body(new InputStreamResource(content));
	}

}
