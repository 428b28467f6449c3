/**
 * The conformance engine: the standard as data — its clauses, each lettered requirement
 * summarised with the evidence that meets it, and its 109 key indicators with their
 * definitions and targets — and the indicators' values per period, computed by the
 * modules that own the records (through
 * {@link org.yunwei.platform.indicator.IndicatorSource}) and kept here with the records
 * behind them. This module never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package org.yunwei.governance;
