package org.yunwei.document.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.yunwei.document.DocumentFilter;
import org.yunwei.document.DocumentManagement;
import org.yunwei.document.DocumentRow;
import org.yunwei.document.DocumentState;
import org.yunwei.document.DocumentType;
import org.yunwei.document.DocumentView;
import org.yunwei.document.VersionState;
import org.yunwei.document.VersionView;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.platform.standard.Clause;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.platform.web.Markdown;
import org.yunwei.support.WebSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

/**
 * The document pages in the web slice: the register with a review falling due, the filter
 * read from the request, refusals shown inline on the new-document and draft forms, the
 * document page with its version in effect rendered and an old version marked as such,
 * and the redirects after saving and submitting.
 */
@WebMvcTest(DocumentController.class)
@AutoConfigureMockMvc(addFilters = false)
@WebSlice
@Import({ StandardClauses.class, Markdown.class })
class DocumentControllerTests {

	static final Instant NOW = Instant.parse("2026-12-02T02:30:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccessControl access;

	@MockitoBean
	DocumentManagement documents;

	@MockitoBean
	Directory directory;

	@BeforeEach
	void owner() {
		Map<String, RecordScope> permissions = new HashMap<>();
		for (String p : List.of(DocumentManagement.READ, DocumentManagement.WRITE)) {
			permissions.put(p, RecordScope.ALL);
		}
		CurrentUser me = new CurrentUser(5, "manager", "赵敏", null, Set.of(), permissions, Set.of("OM_MANAGER"), null,
				"en", "Asia/Shanghai");
		given(this.access.current()).willReturn(Optional.of(me));
		given(this.access.user()).willReturn(me);
		given(this.access.has(anyString())).willAnswer((i) -> me.has(i.getArgument(0)));
		given(this.directory.activeUsers()).willReturn(List.of(new Directory.Entry(5, "赵敏", "manager")));
		given(this.documents.reminderDays()).willReturn(30);
		given(this.documents.canEdit(any())).willReturn(true);
	}

	static VersionView version(long id, String label, VersionState state, LocalDate effectiveOn) {
		return new VersionView(id, 1, 9, label, state, "# 目的\n规范**机房**巡检。", List.of("检查温湿度", "检查 UPS"), "增加消防检查",
				effectiveOn, "DA-2026-000003", "赵敏", NOW, "陈志强", NOW, null, null, "赵敏", NOW, NOW, List.of(), List.of());
	}

	static DocumentView sop(VersionView current, VersionView pending, List<VersionView> versions) {
		return new DocumentView(9, 3, "SOP-0001", DocumentType.SOP, "机房日常巡检作业指导书", null,
				new DocumentView.Person(5, "赵敏"), List.of(new Clause("8.4.1", "例行操作", "Routine operations")), 12,
				DocumentState.EFFECTIVE, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20), true, null, null, null,
				NOW, NOW, current, pending, versions, null);
	}

	@Test
	void theRegisterShowsEachDocumentAndFlagsAReviewFallingDue() {
		given(this.documents.list(eq(new DocumentFilter(DocumentType.SOP, null, "8.4.1", null, null, true)), isNull(),
				isNull()))
			.willReturn(new KeysetPage<>(List.of(new DocumentRow(9, "SOP-0001", DocumentType.SOP, "机房日常巡检作业指导书",
					DocumentState.EFFECTIVE, "1.0", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20), true, "赵敏",
					List.of("8.4.1", "8.7.2"), VersionState.IN_APPROVAL, NOW)), null));
		MvcTestResult page = this.mvc.get().uri("/documents?type=SOP&clause=8.4.1&due=true").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Controlled documents", "SOP-0001", "机房日常巡检作业指导书", "In effect", "Awaiting approval", "v1.0",
					"2026-12-20", "bi-alarm", "8.7.2", "Review due within 30 days", "8.4.1 Routine operations",
					"New document");
	}

	@Test
	void anUnknownClauseIsShownOnTheNewDocumentForm() {
		given(this.documents.create(any()))
			.willThrow(new ValidationFailed("clauses", "document.error.unknownClause", "8.9.9"));
		MvcTestResult page = this.mvc.post()
			.uri("/documents")
			.param("type", "SOP")
			.param("title", "机房日常巡检作业指导书")
			.param("ownerId", "5")
			.param("clauses", "8.9.9")
			.exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"document-form\"", "is-invalid", "Not a clause of the standard: 8.9.9");
	}

	@Test
	void aNewDocumentLeadsToItsFirstDraft() {
		given(this.documents.create(any()))
			.willReturn(sop(null, version(1, "1.0", VersionState.DRAFT, null), List.of()));
		MvcTestResult saved = this.mvc.post()
			.uri("/documents")
			.param("type", "SOP")
			.param("title", "机房日常巡检作业指导书")
			.param("ownerId", "5")
			.exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/documents/SOP-0001/draft");
		assertThat(saved).flash().containsEntry("flash", "document.created");
	}

	@Test
	void theDocumentPageRendersTheVersionInEffectAndTheVersionUnderWay() {
		VersionView current = version(1, "1.0", VersionState.EFFECTIVE, LocalDate.of(2026, 12, 1));
		VersionView pending = version(2, "1.1", VersionState.IN_APPROVAL, LocalDate.of(2026, 12, 7));
		given(this.documents.get("SOP-0001")).willReturn(sop(current, pending, List.of(pending, current)));
		MvcTestResult page = this.mvc.get().uri("/documents/SOP-0001").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("<strong>机房</strong>", "<li>检查 UPS</li>", "In effect from 2026-12-01", "Version under way",
					"Awaiting approval", "/work/docapproval/DA-2026-000003", "To take effect on 2026-12-07",
					"8.4.1</span> <span>Routine operations", "every 12 months")
			.doesNotContain("id=\"old-version\"", "id=\"new-draft\"");
	}

	@Test
	void anEarlierVersionSaysWhichOneIsInEffect() {
		VersionView old = version(1, "1.0", VersionState.SUPERSEDED, LocalDate.of(2026, 12, 1));
		VersionView current = version(2, "1.1", VersionState.EFFECTIVE, LocalDate.of(2026, 12, 7));
		given(this.documents.get("SOP-0001")).willReturn(sop(current, null, List.of(current, old)));
		given(this.documents.version("SOP-0001", "1.0")).willReturn(old);
		MvcTestResult page = this.mvc.get().uri("/documents/SOP-0001/versions/1.0").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"old-version\"", "You are reading version 1.0; version 1.1 is in effect.",
					"id=\"new-draft\"");
	}

	@Test
	void aRefusedSubmissionStaysOnTheDraftWithTheReason() {
		VersionView draft = version(2, "1.1", VersionState.DRAFT, null);
		given(this.documents.get("SOP-0001"))
			.willReturn(sop(version(1, "1.0", VersionState.EFFECTIVE, null), draft, List.of(draft)));
		given(this.documents.submit(anyLong())).willThrow(new ValidationFailed("steps", "document.error.sopSteps"));
		MvcTestResult page = this.mvc.post()
			.uri("/documents/SOP-0001/draft")
			.param("label", "1.1")
			.param("content", "# 目的")
			.param("version", "1")
			.param("submit", "true")
			.exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"draft-form\"", "An SOP needs its steps, one per line.");
	}

	@Test
	void aSubmittedDraftLeadsBackToTheDocumentNamingItsApprovalRecord() {
		VersionView draft = version(2, "1.1", VersionState.DRAFT, null);
		given(this.documents.get("SOP-0001")).willReturn(sop(null, draft, List.of(draft)));
		given(this.documents.submit(9)).willReturn(version(2, "1.1", VersionState.IN_APPROVAL, null));
		MvcTestResult sent = this.mvc.post()
			.uri("/documents/SOP-0001/draft")
			.param("label", "1.1")
			.param("steps", "检查温湿度")
			.param("version", "1")
			.param("submit", "true")
			.exchange();
		assertThat(sent).hasStatus3xxRedirection().hasRedirectedUrl("/documents/SOP-0001");
		assertThat(sent).flash().containsEntry("flash", "document.submitted");
	}

	@Test
	void withoutADraftTheEditorLeadsBackToTheDocument() {
		given(this.documents.get("SOP-0001"))
			.willReturn(sop(version(1, "1.0", VersionState.EFFECTIVE, null), null, List.of()));
		assertThat(this.mvc.get().uri("/documents/SOP-0001/draft").exchange()).hasStatus3xxRedirection()
			.hasRedirectedUrl("/documents/SOP-0001");
	}

}
