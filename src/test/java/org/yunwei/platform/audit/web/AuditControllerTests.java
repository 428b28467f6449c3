package org.yunwei.platform.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEntryView;
import org.yunwei.platform.audit.AuditManagement;
import org.yunwei.platform.audit.AuditQuery;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.AdminKind;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.support.WebSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/**
 * The audit administrator's screen in the web slice: the filter as the query the facade
 * receives (days in the user's time zone), the page, and the htmx "load more" fragment.
 */
@WebMvcTest(AuditController.class)
@AutoConfigureMockMvc(addFilters = false)
@WebSlice
class AuditControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccessControl access;

	@MockitoBean
	AuditManagement audit;

	@MockitoBean
	AuditExports exports;

	@BeforeEach
	void auditAdministrator() {
		given(this.access.current()).willReturn(Optional
			.of(new CurrentUser(3, "auditadmin", "审计管理员", null, Set.of(), Map.of("audit:read", RecordScope.ALL),
					Set.of("AUDIT_ADMIN"), AdminKind.AUDIT, "zh-CN", "Asia/Shanghai")));
		given(this.audit.search(any(), any(), anyInt()))
			.willReturn(new KeysetPage<>(List.of(new AuditEntryView(77, Instant.parse("2026-11-01T01:02:03Z"),
					"zhangsan", "10.1.2.3", AuditAction.LOCKED, "user", "12", "张三", null)), "next-77"));
	}

	@Test
	void aDayFilterCoversThatDayInTheUsersTimeZone() {
		MvcTestResult page = this.mvc.get()
			.uri("/audit?actor=zhangsan&action=LOCKED&from=2026-11-01&to=2026-11-01")
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("账号锁定", "2026-11-01 09:02:03", "10.1.2.3", "加载更多");
		verify(this.audit).search(
				argThat((AuditQuery q) -> "zhangsan".equals(q.actor()) && q.action() == AuditAction.LOCKED
						&& q.from().equals(Instant.parse("2026-10-31T16:00:00Z"))
						&& q.to().equals(Instant.parse("2026-11-01T16:00:00Z")) && q.recordType() == null),
				isNull(), eq(50));
	}

	@Test
	void loadMoreReturnsOnlyTheNextRowsForHtmx() {
		MvcTestResult more = this.mvc.get().uri("/audit?after=next-76").header("HX-Request", "true").exchange();
		assertThat(more).hasStatusOk().bodyText().contains("zhangsan").doesNotContain("<nav", "<html");
		verify(this.audit).search(any(), eq("next-76"), eq(50));
	}

}
