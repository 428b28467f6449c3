package org.yunwei.servicelevel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/**
 * A group's operational level as its form and REST edit it: working minutes per priority
 * (P1 to P4; empty for none).
 */
public class OlaFormData {

	private Long calendarId;

	@NotNull
	@Min(1)
	@Max(99)
	private Integer warnPercent = 75;

	@Min(1)
	@Max(ServiceLevelFormData.MAX_MINUTES)
	private Integer p1;

	@Min(1)
	@Max(ServiceLevelFormData.MAX_MINUTES)
	private Integer p2;

	@Min(1)
	@Max(ServiceLevelFormData.MAX_MINUTES)
	private Integer p3;

	@Min(1)
	@Max(ServiceLevelFormData.MAX_MINUTES)
	private Integer p4;

	/** The minutes by priority that are set. */
	public Map<Integer, Integer> minutes() {
		Map<Integer, Integer> m = new HashMap<>();
		Integer[] all = { this.p1, this.p2, this.p3, this.p4 };
		for (int i = 0; i < all.length; i++) {
			if (all[i] != null) {
				m.put(i + 1, all[i]);
			}
		}
		return m;
	}

	public static OlaFormData of(OlaView v) {
		OlaFormData f = new OlaFormData();
		f.calendarId = v.calendarId();
		f.warnPercent = v.warnPercent();
		f.p1 = v.minutes(1);
		f.p2 = v.minutes(2);
		f.p3 = v.minutes(3);
		f.p4 = v.minutes(4);
		return f;
	}

	public Long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public Integer getWarnPercent() {
		return this.warnPercent;
	}

	public void setWarnPercent(Integer warnPercent) {
		this.warnPercent = warnPercent;
	}

	public Integer getP1() {
		return this.p1;
	}

	public void setP1(Integer p1) {
		this.p1 = p1;
	}

	public Integer getP2() {
		return this.p2;
	}

	public void setP2(Integer p2) {
		this.p2 = p2;
	}

	public Integer getP3() {
		return this.p3;
	}

	public void setP3(Integer p3) {
		this.p3 = p3;
	}

	public Integer getP4() {
		return this.p4;
	}

	public void setP4(Integer p4) {
		this.p4 = p4;
	}

}
