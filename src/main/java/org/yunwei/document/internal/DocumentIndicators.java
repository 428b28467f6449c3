package org.yunwei.document.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;

/**
 * 8.4.1-2 例行操作SOP的数量: the SOPs for routine operations (documents of type SOP linked to
 * clause 8.4.1) with an approved version in effect at the end of the period. The SOPs not
 * in effect then (drafts, awaiting approval, withdrawn) are listed beside them as not
 * counted.
 */
@Component
@Transactional(readOnly = true)
class DocumentIndicators implements IndicatorSource {

	static final String SOP_COUNT = "8.4.1-2";

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	DocumentIndicators(NamedParameterJdbcTemplate jdbc, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition(SOP_COUNT, "例行操作SOP的数量",
				"期末处于生效状态（已批准且生效日期不晚于期末、未被替代或废止）的、关联条款 8.4.1 的 SOP 文件数",
				"SOP documents linked to clause 8.4.1 with an approved version in effect at the end of the period "
						+ "(effective on or before it, not superseded or withdrawn by then)",
				"count"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if (!SOP_COUNT.equals(code)) {
			throw NotFound.of("indicator", code);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("endDay", period.to())
			.addValue("end", period.end(this.zone).atOffset(ZoneOffset.UTC))
			.addValue("createdBy", period.end(this.zone).atOffset(ZoneOffset.UTC));
		List<RecordRef> records = this.jdbc.query("select d.id, d.number, d.title, case when exists (select 1"
				+ " from doc_version v where v.document_id = d.id and v.state in ('EFFECTIVE', 'SUPERSEDED')"
				+ " and v.effective_on < :endDay and v.approved_at < :end"
				+ " and (v.superseded_at is null or v.superseded_at >= :end)) then 1 else 0 end from doc_document d"
				+ " where d.type = 'SOP' and d.created_at < :createdBy"
				+ " and exists (select 1 from doc_clause c where c.document_id = d.id and c.clause = '8.4.1')"
				+ " order by d.number", p,
				(rs, n) -> new RecordRef("document", rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
						rs.getInt(4) == 1));
		return IndicatorValue.count(code, period.label(), records);
	}

}
