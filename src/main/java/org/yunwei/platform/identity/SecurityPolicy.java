package org.yunwei.platform.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Password, lockout and session policy, set by the security administrator.
 *
 * @param passwordMaxAgeDays 0 means passwords do not expire
 */
public record SecurityPolicy(@Min(8) @Max(64) int passwordMinLength, @Min(1) @Max(4) int passwordMinClasses,
		@Min(0) @Max(24) int passwordHistory, @Min(0) @Max(3650) int passwordMaxAgeDays,
		@Min(1) @Max(100) int lockoutThreshold, @Min(1) @Max(1440) int lockoutMinutes,
		@Min(5) @Max(1440) int sessionTimeoutMinutes, Integer version) {

}
