package org.yunwei.platform.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunwei.platform.search.SearchDocument;
import org.yunwei.platform.search.SearchField;
import org.yunwei.platform.search.SearchHit;
import org.yunwei.platform.search.SearchResults;

/**
 * The embedded Lucene index under the data directory ({@code search/}), analysed by
 * smartcn (Chinese word segmentation; English words lower-cased and stemmed). Each record
 * is one document keyed {@code kind:id}; access tokens are indexed terms, so a query only
 * ever matches what the user may see, and a field narrower than its record (a work note)
 * is matched and highlighted only for those holding its own tokens.
 */
@Component
public class LuceneIndex {

	private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

	static final String KEY = "key";

	static final String KIND = "kind";

	static final String ID = "id";

	static final String SUBTYPE = "subtype";

	static final String NUMBER = "number";

	static final String PATH = "path";

	static final String UPDATED = "updated";

	static final String ACL = "acl";

	static final String RESTRICTED = "restricted";

	static final String MENTION = "mention";

	static final String GENERATION = "gen";

	private static final float[] BOOSTS = { 3f, 1f, 0.8f, 0.8f, 1.5f, 2f };

	private static final int SNIPPET_CHARS = 140;

	private final Analyzer analyzer = new SmartChineseAnalyzer(true);

	private final Path path;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	LuceneIndex(@Value("${yunwei.search.directory:${yunwei.data-dir}/search}") String directory) throws IOException {
		this.path = Path.of(directory).toAbsolutePath();
		Files.createDirectories(this.path);
		this.directory = FSDirectory.open(this.path);
		IndexWriterConfig config = new IndexWriterConfig(this.analyzer);
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
		config.setCommitOnClose(true);
		this.writer = new IndexWriter(this.directory, config);
		this.searchers = new SearcherManager(this.writer, null);
		log.info("Search index at {} ({} documents)", this.path, this.writer.getDocStats().numDocs);
	}

	@PreDestroy
	void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

	Path path() {
		return this.path;
	}

	// ---- writing

	/**
	 * Replaces the documents of these records: each given document is written, each id
	 * without one is removed. {@code generation} marks the documents of a rebuild.
	 */
	public void update(String kind, Collection<Long> ids, List<SearchDocument> documents, String generation) {
		try {
			Set<Long> written = new HashSet<>();
			for (SearchDocument d : documents) {
				this.writer.updateDocument(new Term(KEY, key(kind, d.id())), document(d, generation));
				written.add(d.id());
			}
			for (Long id : ids) {
				if (!written.contains(id)) {
					this.writer.deleteDocuments(new Term(KEY, key(kind, id)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes the documents of a kind that a rebuild of that generation did not write.
	 */
	public void removeOtherGenerations(String kind, String generation) {
		try {
			this.writer
				.deleteDocuments(new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
					.add(new TermQuery(new Term(GENERATION, generation)), Occur.MUST_NOT)
					.build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes what was written durable and visible to searches. */
	public void commit() {
		try {
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String key(String kind, long id) {
		return kind + ":" + id;
	}

	private static Document document(SearchDocument d, String generation) {
		Document doc = new Document();
		doc.add(new StringField(KEY, key(d.kind(), d.id()), Field.Store.NO));
		doc.add(new StringField(KIND, d.kind(), Field.Store.YES));
		doc.add(new StoredField(ID, d.id()));
		doc.add(new StringField(SUBTYPE, (d.subtype() == null) ? "" : d.subtype(), Field.Store.YES));
		if (d.number() != null) {
			doc.add(new StringField(NUMBER, d.number().toUpperCase(Locale.ROOT), Field.Store.YES));
		}
		doc.add(new StoredField(PATH, d.path()));
		long updated = (d.updatedAt() == null) ? 0 : d.updatedAt().toEpochMilli();
		doc.add(new StoredField(UPDATED, updated));
		doc.add(new NumericDocValuesField(UPDATED, updated));
		if (generation != null) {
			doc.add(new StringField(GENERATION, generation, Field.Store.NO));
		}
		for (String token : d.readers()) {
			doc.add(new StringField(ACL, token, Field.Store.NO));
		}
		for (String mention : d.mentions()) {
			doc.add(new StringField(MENTION, mention, Field.Store.NO));
		}
		boolean hasTitle = false;
		for (SearchField f : d.fields()) {
			if (f.text() == null || f.text().isBlank()) {
				continue;
			}
			hasTitle |= f.name().equals(SearchField.TITLE);
			doc.add(new TextField(f.name(), f.text(), Field.Store.YES));
			if (f.readers() != null) {
				doc.add(new StringField(RESTRICTED, f.name(), Field.Store.YES));
				for (String token : f.readers()) {
					doc.add(new StringField(ACL + "." + f.name(), token, Field.Store.YES));
				}
			}
		}
		if (!hasTitle && d.title() != null) {
			doc.add(new TextField(SearchField.TITLE, d.title(), Field.Store.YES));
		}
		return doc;
	}

	// ---- reading

	public long count(String kind) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return searcher.count(new TermQuery(new Term(KIND, kind)));
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The records (kind and id) whose documents mention someone ({@code user:12}). */
	public List<Ref> mentioning(String mention) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				TopDocs top = searcher.search(new TermQuery(new Term(MENTION, mention)), 100_000);
				StoredFields stored = searcher.storedFields();
				List<Ref> refs = new ArrayList<>();
				for (ScoreDoc sd : top.scoreDocs) {
					Document doc = stored.document(sd.doc, Set.of(KIND, ID));
					refs.add(new Ref(doc.get(KIND), doc.getField(ID).numericValue().longValue()));
				}
				return refs;
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Ref(String kind, long id) {
	}

	/** The words of a query as the index analyses them. */
	public List<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream ts = this.analyzer.tokenStream(SearchField.TEXT, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				terms.add(term.toString());
			}
			ts.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ArrayList<>(terms);
	}

	/**
	 * The ranked page of records a user holding {@code grants} may see that match the
	 * query: every word (or, when {@code loose}, any word, better with more), in any
	 * field the user may see; the record number as typed ranks first.
	 */
	public SearchResults search(String query, Set<String> grants, Set<String> kinds, Set<String> subtypes, int page,
			int size, boolean loose) {
		String q = (query == null) ? "" : query.strip();
		List<String> terms = terms(q);
		if ((terms.isEmpty() && q.isEmpty()) || grants.isEmpty()) {
			return new SearchResults(q, 0, page, size, List.of());
		}
		List<BytesRef> tokens = grants.stream().map(BytesRef::new).toList();
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		for (String term : terms) {
			BooleanQuery.Builder anyField = new BooleanQuery.Builder();
			for (int i = 0; i < SearchField.NAMES.size(); i++) {
				String field = SearchField.NAMES.get(i);
				anyField.add(
						new BoostQuery(visibleField(field, new TermQuery(new Term(field, term)), tokens), BOOSTS[i]),
						Occur.SHOULD);
			}
			words.add(anyField.build(), loose ? Occur.SHOULD : Occur.MUST);
		}
		if (loose && terms.size() > 2) {
			words.setMinimumNumberShouldMatch(Math.max(1, terms.size() / 3));
		}
		BooleanQuery.Builder match = new BooleanQuery.Builder();
		if (!terms.isEmpty()) {
			match.add(words.build(), Occur.SHOULD);
		}
		if (!q.isEmpty() && q.length() <= 40 && !q.contains(" ")) {
			match.add(new BoostQuery(new TermQuery(new Term(NUMBER, q.toUpperCase(Locale.ROOT))), 20f), Occur.SHOULD);
		}
		match.setMinimumNumberShouldMatch(1);
		BooleanQuery.Builder full = new BooleanQuery.Builder().add(match.build(), Occur.MUST)
			.add(new TermInSetQuery(ACL, tokens), Occur.FILTER);
		if (kinds != null && !kinds.isEmpty()) {
			full.add(new TermInSetQuery(KIND, kinds.stream().map(BytesRef::new).toList()), Occur.FILTER);
		}
		if (subtypes != null && !subtypes.isEmpty()) {
			full.add(new TermInSetQuery(SUBTYPE, subtypes.stream().map(BytesRef::new).toList()), Occur.FILTER);
		}
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				int want = (page + 1) * size;
				TopDocs top = searcher.search(full.build(), Math.max(1, want));
				StoredFields stored = searcher.storedFields();
				List<SearchHit> hits = new ArrayList<>();
				for (int i = page * size; i < top.scoreDocs.length; i++) {
					ScoreDoc sd = top.scoreDocs[i];
					hits.add(hit(stored.document(sd.doc), sd.score, terms, grants));
				}
				return new SearchResults(q, top.totalHits.value, page, size, hits);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A field's match, limited, for a field narrower than its record, to holders of its
	 * own tokens.
	 */
	private static Query visibleField(String field, Query fieldMatch, List<BytesRef> tokens) {
		Query open = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
			.add(new TermQuery(new Term(RESTRICTED, field)), Occur.MUST_NOT)
			.build();
		Query allowed = new BooleanQuery.Builder().add(open, Occur.SHOULD)
			.add(new TermInSetQuery(ACL + "." + field, tokens), Occur.SHOULD)
			.setMinimumNumberShouldMatch(1)
			.build();
		return new BooleanQuery.Builder().add(fieldMatch, Occur.MUST).add(allowed, Occur.FILTER).build();
	}

	private SearchHit hit(Document doc, float score, List<String> terms, Set<String> grants) {
		Set<String> restricted = new HashSet<>(List.of(doc.getValues(RESTRICTED)));
		List<SearchHit.Snippet> snippets = new ArrayList<>();
		String title = doc.get(SearchField.TITLE);
		String titleHtml = highlight(SearchField.TITLE, title, terms, true);
		for (String field : SearchField.NAMES) {
			if (field.equals(SearchField.TITLE)) {
				continue;
			}
			String text = doc.get(field);
			if (text == null || (restricted.contains(field) && !holds(doc, field, grants))) {
				continue;
			}
			String html = highlight(field, text, terms, false);
			if (html != null && html.contains("<mark>")) {
				snippets.add(new SearchHit.Snippet(field, html));
			}
		}
		if (snippets.isEmpty()) {
			String text = doc.get(SearchField.TEXT);
			if (text != null) {
				String start = text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text;
				snippets.add(new SearchHit.Snippet(SearchField.TEXT, new SimpleHTMLEncoder().encodeText(start)));
			}
		}
		String subtype = doc.get(SUBTYPE);
		IndexableField updated = doc.getField(UPDATED);
		return new SearchHit(doc.get(KIND), doc.getField(ID).numericValue().longValue(),
				(subtype == null || subtype.isEmpty()) ? null : subtype, doc.get(NUMBER), title,
				(titleHtml == null) ? new SimpleHTMLEncoder().encodeText(title == null ? "" : title) : titleHtml,
				doc.get(PATH), (updated == null) ? null : Instant.ofEpochMilli(updated.numericValue().longValue()),
				score, snippets);
	}

	private static boolean holds(Document doc, String field, Set<String> grants) {
		for (String token : doc.getValues(ACL + "." + field)) {
			if (grants.contains(token)) {
				return true;
			}
		}
		return false;
	}

	private String highlight(String field, String text, List<String> terms, boolean whole) {
		if (text == null || terms.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder q = new BooleanQuery.Builder();
		terms.forEach((t) -> q.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
		Highlighter h = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
				new QueryScorer(q.build(), field));
		h.setTextFragmenter(whole ? new NullFragmenter() : new SimpleFragmenter(SNIPPET_CHARS));
		h.setMaxDocCharsToAnalyze(200_000);
		try {
			String[] fragments = h.getBestFragments(this.analyzer, field, text, whole ? 1 : 2);
			// words cut apart by segmentation (定影 + 器) are marked as one
			return (fragments.length == 0) ? null : String.join(" … ", fragments).replace("</mark><mark>", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InvalidTokenOffsetsException ex) {
			return null;
		}
	}

	/** How many documents the index holds in all. */
	public long size() {
		return this.writer.getDocStats().numDocs;
	}

}
