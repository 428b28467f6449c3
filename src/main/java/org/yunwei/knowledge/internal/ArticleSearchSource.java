package org.yunwei.knowledge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.knowledge.Knowledge;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.search.SearchDocument;
import org.yunwei.platform.search.SearchField;
import org.yunwei.platform.search.SearchSource;
import org.yunwei.platform.web.Markdown;

/**
 * Published articles as the search index holds them: title, text and keywords, the
 * category's names and the owner's. Tokens follow the visibility: {@code kb:public} for
 * everyone signed in, {@code kb:internal} for IT staff with {@code knowledge:read},
 * {@code kb:g:<group>} for the chosen groups' members, and knowledge managers see all.
 */
@Component
class ArticleSearchSource implements SearchSource {

	private final Knowledge knowledge;

	private final Directory directory;

	private final Markdown markdown;

	ArticleSearchSource(Knowledge knowledge, Directory directory, Markdown markdown) {
		this.knowledge = knowledge;
		this.directory = directory;
		this.markdown = markdown;
	}

	@Override
	public String kind() {
		return Knowledge.SEARCH_KIND;
	}

	@Override
	public List<SearchDocument> documents(Collection<Long> ids) {
		List<Knowledge.Indexed> articles = this.knowledge.indexed(ids);
		Set<Long> owners = new HashSet<>();
		articles.forEach((a) -> owners.add(a.ownerId()));
		Map<Long, String> names = this.directory.userNames(owners);
		List<SearchDocument> docs = new ArrayList<>();
		for (Knowledge.Indexed a : articles) {
			Set<String> readers = new LinkedHashSet<>();
			readers.add("kb:manage");
			switch (a.visibility()) {
				case PUBLIC -> readers.add("kb:public");
				case INTERNAL -> readers.add("kb:internal");
				case GROUP -> a.groupIds().forEach((g) -> readers.add("kb:g:" + g));
			}
			String tags = String.join(" ", nonNull(a.categoryZh(), a.categoryEn(), a.keywords()));
			docs.add(new SearchDocument(kind(), a.id(), null, a.number(), a.title(), "/knowledge/" + a.number(),
					a.updatedAt(), readers,
					List.of(SearchField.of(SearchField.TITLE, a.title()),
							SearchField.of(SearchField.TEXT, this.markdown.text(a.body())),
							SearchField.of(SearchField.PEOPLE, names.get(a.ownerId())),
							SearchField.of(SearchField.TAGS, tags)),
					Set.of("user:" + a.ownerId())));
		}
		return docs;
	}

	private static List<String> nonNull(String... values) {
		List<String> out = new ArrayList<>();
		for (String v : values) {
			if (v != null) {
				out.add(v);
			}
		}
		return out;
	}

	@Override
	public List<Long> ids(long after, int limit) {
		return this.knowledge.publishedIds(after, limit);
	}

	@Override
	public long count() {
		return this.knowledge.publishedCount();
	}

	@Override
	public Set<String> grants(CurrentUser user) {
		Set<String> grants = new HashSet<>();
		grants.add("kb:public");
		if (user.has(Knowledge.MANAGE)) {
			grants.add("kb:manage");
		}
		if (user.has(Knowledge.READ)) {
			grants.add("kb:internal");
			user.groupIds().forEach((g) -> grants.add("kb:g:" + g));
		}
		return grants;
	}

}
