package org.yunwei.document.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.document.DocumentManagement;
import org.yunwei.platform.web.RecordLink;

/** A controlled document opens on its page. */
@Component
class DocumentRecordLink implements RecordLink {

	private final DocumentManagement documents;

	DocumentRecordLink(DocumentManagement documents) {
		this.documents = documents;
	}

	@Override
	public Set<String> types() {
		return Set.of("document");
	}

	@Override
	public Optional<String> path(String type, long id) {
		return Optional.of("/documents/" + this.documents.get(String.valueOf(id)).number());
	}

}
