package org.yunwei.knowledge.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.knowledge.Knowledge;
import org.yunwei.platform.web.RecordLink;

/** A knowledge article opens on its page. */
@Component
class ArticleRecordLink implements RecordLink {

	private final Knowledge knowledge;

	ArticleRecordLink(Knowledge knowledge) {
		this.knowledge = knowledge;
	}

	@Override
	public Set<String> types() {
		return Set.of("article");
	}

	@Override
	public Optional<String> path(String type, long id) {
		return Optional.of("/knowledge/" + this.knowledge.get(String.valueOf(id)).number());
	}

}
