package org.yunwei.platform.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.identity.DepartmentFormData;
import org.yunwei.platform.identity.DepartmentView;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.support.WebSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The departments API in the web slice: what reaches the facade, the status and Location
 * of a create, and every error as RFC 9457 problem details in the caller's language.
 */
@WebMvcTest(OrganisationApiController.class)
@AutoConfigureMockMvc(addFilters = false)
@WebSlice
class OrganisationApiControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	OrganisationManagement organisation;

	@Test
	void createAnswers201WithLocationAndPassesTheFormThrough() {
		given(this.organisation.createDepartment(any()))
			.willReturn(new DepartmentView(42, "NET", "网络科", null, 10, true, 0, 0, 0));
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/departments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"NET\",\"name\":\"网络科\",\"sortOrder\":10}")
			.exchange();
		assertThat(result).hasStatus(201).headers().hasValue("Location", "/api/v1/departments/42");
		assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("网络科");
		verify(this.organisation).createDepartment(argThat((DepartmentFormData f) -> "NET".equals(f.getCode())
				&& "网络科".equals(f.getName()) && f.getSortOrder() == 10));
	}

	@Test
	void invalidFieldsAreListedInTheCallersLanguageAndNothingIsCreated() throws Exception {
		MvcTestResult zh = this.mvc.post()
			.uri("/api/v1/departments")
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"a b\",\"name\":\"\"}")
			.exchange();
		assertThat(zh).hasStatus(400).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(zh).bodyJson().extractingPath("$.errors[*].field").asArray().contains("code", "name");
		assertThat(zh.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("只能包含字母、数字、点、下划线和连字符");

		MvcTestResult en = this.mvc.post()
			.uri("/api/v1/departments")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"a b\",\"name\":\"x\"}")
			.exchange();
		assertThat(en).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Letters, digits, dot, underscore and hyphen only.");
		verify(this.organisation, never()).createDepartment(any());
	}

	@Test
	void malformedJsonAndUnknownPropertiesAreRefused() {
		assertThat(this.mvc.post()
			.uri("/api/v1/departments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": ")
			.exchange()).hasStatus(400).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post()
			.uri("/api/v1/departments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"NET\",\"name\":\"x\",\"colour\":\"red\"}")
			.exchange()).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
		verify(this.organisation, never()).createDepartment(any());
	}

	@Test
	void domainErrorsBecome404And409Problems() {
		given(this.organisation.department(7)).willThrow(NotFound.of("department", 7));
		assertThat(this.mvc.get().uri("/api/v1/departments/7").header("Accept-Language", "en").exchange())
			.hasStatus(404)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(404);
		given(this.organisation.department(8)).willReturn(new DepartmentView(8, "OPS", "运维科", null, 0, true, 0, 3, 1));
		org.mockito.BDDMockito.willThrow(new Conflict("error.department.notEmpty"))
			.given(this.organisation)
			.deleteDepartment(anyLong());
		assertThat(this.mvc.delete().uri("/api/v1/departments/8").exchange()).hasStatus(409)
			.contentType()
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
