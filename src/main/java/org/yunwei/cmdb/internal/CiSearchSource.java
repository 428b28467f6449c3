package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.search.SearchDocument;
import org.yunwei.platform.search.SearchField;
import org.yunwei.platform.search.SearchSource;

/**
 * CIs as the search index holds them: number and name, description and attribute values
 * (serial numbers, IP addresses, versions), the class and the owner's name; everyone who
 * reads the CMDB finds them.
 */
@Component
class CiSearchSource implements SearchSource {

	private static final String READERS = "ci:all";

	private final ConfigurationItems items;

	private final Directory directory;

	CiSearchSource(ConfigurationItems items, Directory directory) {
		this.items = items;
		this.directory = directory;
	}

	@Override
	public String kind() {
		return ConfigurationItems.SEARCH_KIND;
	}

	@Override
	public List<SearchDocument> documents(Collection<Long> ids) {
		List<ConfigurationItems.Indexed> cis = this.items.indexed(ids);
		Set<Long> owners = new HashSet<>();
		cis.forEach((c) -> {
			if (c.ownerId() != null) {
				owners.add(c.ownerId());
			}
		});
		Map<Long, String> names = this.directory.userNames(owners);
		List<SearchDocument> docs = new ArrayList<>();
		for (ConfigurationItems.Indexed c : cis) {
			Set<String> mentions = (c.ownerId() == null) ? Set.of() : Set.of("user:" + c.ownerId());
			docs.add(new SearchDocument(kind(), c.id(), c.state(), c.number(), c.name(), "/cmdb/" + c.number(),
					c.updatedAt(), Set.of(READERS),
					List.of(SearchField.of(SearchField.TITLE, c.name()),
							SearchField.of(SearchField.TEXT,
									((c.description() == null) ? "" : c.description() + " ") + c.values()),
							SearchField.of(SearchField.PEOPLE, (c.ownerId() == null) ? null : names.get(c.ownerId())),
							SearchField.of(SearchField.TAGS, c.classZh() + " " + c.classEn())),
					mentions));
		}
		return docs;
	}

	@Override
	public List<Long> ids(long after, int limit) {
		return this.items.ids(after, limit);
	}

	@Override
	public long count() {
		return this.items.count();
	}

	@Override
	public Set<String> grants(CurrentUser user) {
		return user.has(ConfigurationItems.READ) ? Set.of(READERS) : Set.of();
	}

}
