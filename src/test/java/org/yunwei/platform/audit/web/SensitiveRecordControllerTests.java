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

import org.yunwei.platform.Conflict;
import org.yunwei.platform.audit.SensitiveRecord;
import org.yunwei.platform.audit.SensitiveRecordFormData;
import org.yunwei.platform.audit.SensitiveRecordManagement;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.AdminKind;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.support.WebSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The sensitive-data screen in the web slice: the list, inline validation messages, a
 * refused duplicate shown on the form, and the redirect after a save.
 */
@WebMvcTest(SensitiveRecordController.class)
@AutoConfigureMockMvc(addFilters = false)
@WebSlice
class SensitiveRecordControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccessControl access;

	@MockitoBean
	SensitiveRecordManagement sensitive;

	@BeforeEach
	void securityAdministrator() {
		given(this.access.current()).willReturn(Optional.of(new CurrentUser(2, "secadmin", "安全管理员", null, Set.of(),
				Map.of("sensitive:write", RecordScope.ALL), Set.of("SECURITY_ADMIN"), AdminKind.SECURITY, "en", null)));
		given(this.sensitive.recordTypes()).willReturn(List.of("department", "user"));
	}

	@Test
	void theListShowsEachMarkAndItsScope() {
		given(this.sensitive.marks())
			.willReturn(List.of(new SensitiveRecord(1, "user", "*", "个人信息", Instant.parse("2026-11-01T02:00:00Z")),
					new SensitiveRecord(2, "department", "17", null, Instant.parse("2026-11-02T02:00:00Z"))));
		MvcTestResult page = this.mvc.get().uri("/admin/sensitive").header("Accept-Language", "en").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Sensitive data", "Every record", "个人信息", "Record #17", "<option value=\"user\">");
	}

	@Test
	void anInvalidRecordTypeIsShownInlineInTheUsersOwnLanguageAndNothingIsMarked() {
		// the user chose English; that wins over the browser's Chinese
		MvcTestResult page = this.mvc.post()
			.uri("/admin/sensitive")
			.header("Accept-Language", "zh-CN")
			.param("recordType", "not valid")
			.exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("is-invalid", "Letters, digits, dot, underscore and hyphen only.");
		verify(this.sensitive, never()).mark(any());
	}

	@Test
	void aDuplicateIsRefusedOnTheForm() {
		given(this.sensitive.mark(any())).willThrow(new Conflict("sensitive.exists", "user", "*"));
		MvcTestResult page = this.mvc.post()
			.uri("/admin/sensitive")
			.header("Accept-Language", "en")
			.param("recordType", "user")
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("user * is already marked sensitive.");
	}

	@Test
	void aSavedMarkRedirectsToTheList() {
		given(this.sensitive.mark(any()))
			.willReturn(new SensitiveRecord(3, "user", "9", "VIP", Instant.parse("2026-11-03T02:00:00Z")));
		MvcTestResult saved = this.mvc.post()
			.uri("/admin/sensitive")
			.param("recordType", "user")
			.param("recordId", "9")
			.param("reason", "VIP")
			.exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/admin/sensitive");
		assertThat(saved).flash().containsEntry("flash", "sensitive.saved");
		verify(this.sensitive).mark(argThat((SensitiveRecordFormData f) -> "user".equals(f.getRecordType())
				&& "9".equals(f.getRecordId()) && "VIP".equals(f.getReason())));
	}

}
