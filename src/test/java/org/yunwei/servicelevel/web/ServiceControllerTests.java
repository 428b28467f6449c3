package org.yunwei.servicelevel.web;

import java.math.BigDecimal;
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

import org.yunwei.calendar.CalendarView;
import org.yunwei.calendar.Calendars;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.ClockState;
import org.yunwei.servicelevel.EscalationRuleView;
import org.yunwei.servicelevel.EscalationTrigger;
import org.yunwei.servicelevel.OlaView;
import org.yunwei.servicelevel.ServiceCatalogue;
import org.yunwei.servicelevel.ServiceLevelView;
import org.yunwei.servicelevel.ServiceLevels;
import org.yunwei.servicelevel.ServiceView;
import org.yunwei.servicelevel.SlaAttainment;
import org.yunwei.servicelevel.SlaClockView;
import org.yunwei.support.WebSlice;
import org.yunwei.workitem.SlaStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The service-level pages in the web slice: the catalogue, a service with its level
 * agreement, refusals shown on the forms, the OLA and escalation pages, the attainment
 * report with a bad period, and the clocks panel of a work item.
 */
@WebMvcTest(ServiceController.class)
@AutoConfigureMockMvc(addFilters = false)
@WebSlice
@Import(SlaTime.class)
class ServiceControllerTests {

	static final Instant NOW = Instant.parse("2026-11-26T02:30:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccessControl access;

	@MockitoBean
	ServiceCatalogue catalogue;

	@MockitoBean
	ServiceLevels levels;

	@MockitoBean
	Directory directory;

	@MockitoBean
	Calendars calendars;

	@MockitoBean
	org.yunwei.schedule.RecurringWork recurring;

	@BeforeEach
	void manager() {
		Map<String, RecordScope> permissions = new HashMap<>();
		for (String p : List.of("service:read", "service:write", "sla:recalculate", "calendar:read")) {
			permissions.put(p, RecordScope.ALL);
		}
		CurrentUser me = new CurrentUser(5, "manager", "赵敏", null, Set.of(), permissions, Set.of("OM_HEAD"), null, "en",
				"Asia/Shanghai");
		given(this.access.current()).willReturn(Optional.of(me));
		given(this.access.has(anyString())).willAnswer((i) -> me.has(i.getArgument(0)));
		given(this.calendars.list()).willReturn(List.of(new CalendarView(1, "CN", "中国大陆工作日",
				"Mainland China working days", "Asia/Shanghai", true, 1, Map.of(), List.of())));
		given(this.directory.activeUsers()).willReturn(List.of(new Directory.Entry(7, "张三", "zhangsan")));
		given(this.directory.activeDepartments()).willReturn(List.of(new Directory.Entry(3, "财务部", "FIN")));
		given(this.directory.activeGroups()).willReturn(List.of(new Directory.Entry(11, "网络组", "NET")));
	}

	static ServiceView email(boolean withLevel) {
		ServiceLevelView level = withLevel
				? new ServiceLevelView(21, 4, 1, "中国大陆工作日", "Mail for all", "HQ", "09:00-18:00", "Mailboxes",
						"95 % in time", "MLPS 2", new BigDecimal("99.9"), 75, LocalDate.of(2026, 1, 1),
						LocalDate.of(2027, 1, 1),
						List.of(new ServiceLevelView.Target(1, 30, 240), new ServiceLevelView.Target(2, 60, 1560)), NOW)
				: null;
		return new ServiceView(9, 2, "EMAIL", "邮件服务", null, new Directory.Entry(7, "张三", null),
				List.of(new Directory.Entry(3, "财务部", null)), true, level, NOW, NOW);
	}

	@Test
	void theCatalogueShowsEachServiceWithItsTargetsAndWhetherItIsComplete() {
		given(this.catalogue.list()).willReturn(List.of(email(true)));
		MvcTestResult page = this.mvc.get().uri("/services").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Service catalogue", "EMAIL", "邮件服务", "张三", "财务部", "Mainland China working days", "4 h", "26 h",
					"Complete", "New service", "/services/olas", "/services/escalations", "/services/attainment");
	}

	@Test
	void anEmptyCatalogueSaysSo() {
		given(this.catalogue.list()).willReturn(List.of());
		assertThat(this.mvc.get().uri("/services").exchange()).hasStatusOk()
			.bodyText()
			.contains("yw-empty", "The catalogue is empty.");
	}

	@Test
	void theServicePageShowsBothFormsAndTheTargetsAsPeopleReadThem() {
		given(this.catalogue.get(9)).willReturn(email(true));
		MvcTestResult page = this.mvc.get().uri("/services/9").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"service-form\"", "id=\"level-form\"", "name=\"targets[0].responseMinutes\"",
					"value=\"240\"", "= 4 h", "= 26 h", "Security requirements", "MLPS 2", "8.3.1 checklist");
	}

	@Test
	void aStaleServiceIsRefusedOnItsForm() {
		given(this.catalogue.get(9)).willReturn(email(false));
		given(this.catalogue.update(eq(9L), any())).willThrow(Conflict.staleVersion("service", "EMAIL"));
		MvcTestResult page = this.mvc.post()
			.uri("/services/9")
			.param("code", "EMAIL")
			.param("name", "邮件服务")
			.param("version", "1")
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("id=\"service-errors\"", "Someone else changed this record");
	}

	@Test
	void aResponseLongerThanTheResolutionIsShownUnderTheTargets() {
		given(this.catalogue.get(9)).willReturn(email(true));
		given(this.catalogue.saveLevel(eq(9L), any()))
			.willThrow(new ValidationFailed("targets", "service.error.responseAfterResolution", 2));
		MvcTestResult page = this.mvc.post()
			.uri("/services/9/level")
			.param("calendarId", "1")
			.param("warnPercent", "75")
			.param("targets[0].priority", "1")
			.param("targets[1].priority", "2")
			.param("targets[1].responseMinutes", "600")
			.param("targets[1].resolutionMinutes", "60")
			.param("version", "4")
			.exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"targets-error\"", "P2: the response target is longer than the resolution target.");
	}

	@Test
	void aSavedServiceLeadsToItsPage() {
		given(this.catalogue.create(any())).willReturn(email(false));
		MvcTestResult saved = this.mvc.post()
			.uri("/services")
			.param("code", "EMAIL")
			.param("name", "邮件服务")
			.param("departmentIds", "3")
			.exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/services/9");
		assertThat(saved).flash().containsEntry("flash", "service.created");
	}

	@Test
	void theOlaPageListsTheGroupsWithTargetsAndOffersTheForm() {
		given(this.catalogue.olas())
			.willReturn(List.of(new OlaView(11, "网络组", 1, "中国大陆工作日", 80, Map.of(1, 120, 2, 480))));
		MvcTestResult page = this.mvc.get().uri("/services/olas?group=11").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"ola-table\"", "网络组", "2 h", "8 h", "80 %", "id=\"ola-form\"", "value=\"120\"");
	}

	@Test
	void anOlaWithoutAGroupIsRefused() {
		given(this.catalogue.olas()).willReturn(List.of());
		MvcTestResult page = this.mvc.post().uri("/services/olas").param("warnPercent", "75").exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Choose a group.");
	}

	@Test
	void theEscalationRulesAreListedAndEdited() {
		EscalationRuleView rule = new EscalationRuleView(4, 1, "P1 breach to L2", EscalationTrigger.BREACH,
				ClockKind.RESOLUTION, null, null, 2, 11L, "网络组", true, true);
		given(this.levels.rules()).willReturn(List.of(rule));
		given(this.levels.rule(4)).willReturn(rule);
		given(this.catalogue.list()).willReturn(List.of(email(true)));
		assertThat(this.mvc.get().uri("/services/escalations").exchange()).hasStatusOk()
			.bodyText()
			.contains("P1 breach to L2", "Breach", "Resolution", "P1–P2", "Reassign to 网络组", "Raise the priority");
		assertThat(this.mvc.get().uri("/services/escalations/4").exchange()).hasStatusOk()
			.bodyText()
			.contains("id=\"escalation-form\"", "Applies to P1–P3", "escalation-delete");
	}

	@Test
	void aBadPeriodIsShownOnTheReportForm() {
		given(this.levels.attainment("2026-13"))
			.willThrow(new ValidationFailed("period", "period.error.format", "2026-13"));
		MvcTestResult page = this.mvc.get().uri("/services/attainment?period=2026-13").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("is-invalid", "id=\"period-error\"", "is not a period: write 2026-10, 2026-Q4 or 2026.");
	}

	@Test
	void theReportShowsTotalsAndTheThreeTables() {
		given(this.levels.attainment("2026-Q4")).willReturn(new SlaAttainment("2026-Q4",
				Instant.parse("2026-09-30T16:00:00Z"), Instant.parse("2026-12-31T16:00:00Z"),
				new SlaAttainment.Row(null, null, 39, 1), List.of(new SlaAttainment.Row(9L, "邮件服务", 39, 1)),
				List.of(new SlaAttainment.Row(3L, "财务部", 39, 1)), List.of(), 2));
		given(this.catalogue.list()).willReturn(List.of(email(true)));
		MvcTestResult page = this.mvc.get().uri("/services/attainment?period=2026-Q4").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("97.5 %", "2026-10-01", "2026-12-31", "id=\"open-breached\"", "邮件服务", "财务部",
					"No OLA clock stopped in this period.", "id=\"recalculate-form\"", "never rewritten silently");
	}

	@Test
	void aRecalculationReportsWhatChanged() {
		given(this.levels.recalculate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 25), null)).willReturn(
				new ServiceLevels.Recalculation(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 25), null, 12, 3));
		MvcTestResult done = this.mvc.post()
			.uri("/services/recalculate")
			.param("from", "2026-11-01")
			.param("to", "2026-11-25")
			.param("period", "2026-11")
			.exchange();
		assertThat(done).hasStatus3xxRedirection().hasRedirectedUrl("/services/attainment?period=2026-11");
		assertThat(done).flash().containsEntry("flash", "sla.recalculated");
	}

	@Test
	void theClocksPanelCountsDownAndFlagsWhatIsLate() {
		given(this.levels.clocks(42)).willReturn(List.of(
				new SlaClockView(1, ClockKind.RESPONSE, ClockState.STOPPED, SlaStatus.MET, null, null, "中国大陆工作日", 30,
						12, NOW, NOW, null, null, Instant.parse("2026-11-25T02:00:00Z"), NOW),
				new SlaClockView(2, ClockKind.RESOLUTION, ClockState.RUNNING, SlaStatus.WARNING, null, null, "中国大陆工作日",
						240, 105, NOW, Instant.parse("2026-11-26T04:45:00Z"), NOW, null, null, NOW),
				new SlaClockView(3, ClockKind.OLA, ClockState.PAUSED, SlaStatus.BREACHED, 11L, "网络组", "中国大陆工作日", 120,
						150, NOW, NOW, NOW, NOW, null, NOW)));
		MvcTestResult panel = this.mvc.get().uri("/sla/work-items/42").exchange();
		assertThat(panel).hasStatusOk()
			.bodyText()
			.doesNotContain("<html")
			.contains("id=\"sla-clocks\"", "id=\"sla-clock-RESOLUTION\"", "id=\"sla-clock-RESPONSE\"",
					"id=\"sla-clock-OLA\"", "yw-sla-warning", "sla-remaining", "2 h 15 min left (due 11-26 12:45)",
					"Paused — overdue by 30 min", "网络组", "Met — stopped at 2026-11-25 10:00", "1 h 45 min of 4 h used");
	}

	@Test
	void aRecordWithoutClocksShowsNoPanel() {
		given(this.levels.clocks(anyLong())).willReturn(List.of());
		MvcTestResult panel = this.mvc.get().uri("/sla/work-items/43").exchange();
		assertThat(panel).hasStatusOk().bodyText().doesNotContain("sla-clocks", "card");
	}

	@Test
	void aReaderWithoutWriteSeesNoNewButton() {
		CurrentUser reader = new CurrentUser(6, "agent", "王五", null, Set.of(), Map.of("service:read", RecordScope.ALL),
				Set.of("ENGINEER"), null, "en", null);
		given(this.access.current()).willReturn(Optional.of(reader));
		given(this.access.has(anyString())).willAnswer((i) -> reader.has(i.getArgument(0)));
		given(this.catalogue.list()).willReturn(List.of(email(true)));
		assertThat(this.mvc.get().uri("/services").exchange()).hasStatusOk()
			.bodyText()
			.doesNotContain("id=\"new-service\"")
			.contains("中国大陆工作日");
	}

}
