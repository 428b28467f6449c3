package org.yunwei.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A capacity record: a metric of a CI or a service, its threshold (reached rising or
 * falling), its latest value, and the forecast from its history.
 */
public record MetricView(long id, int version, String name, String unit, Long ciId, String ciNumber, String ciName,
		Long serviceId, String serviceName, BigDecimal threshold, boolean rising, Long groupId, String groupName,
		boolean active, BigDecimal current, LocalDate currentOn, Forecast forecast) {

	/** The latest value as a share of the threshold, in percent (null without one). */
	public BigDecimal utilisation() {
		if (this.current == null || this.threshold.signum() == 0) {
			return null;
		}
		return this.current.multiply(BigDecimal.valueOf(100)).divide(this.threshold, 1, RoundingMode.HALF_UP);
	}

	/** Whether the latest value is at or beyond the threshold. */
	public boolean breached() {
		return this.current != null && (this.rising ? this.current.compareTo(this.threshold) >= 0
				: this.current.compareTo(this.threshold) <= 0);
	}

	/** The day the trend reaches the threshold, if it does. */
	public LocalDate crossing() {
		return (this.forecast == null) ? null : this.forecast.crossing();
	}

}
