package org.yunwei.platform.identity;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.identity.internal.PolicyEntity;
import org.yunwei.platform.identity.internal.PolicyRepository;

/**
 * The password, lockout and session policy; only the security administrator changes it.
 */
@Service
@Transactional
public class SecurityPolicyManagement {

	private static final long POLICY_ID = 1L;

	private final PolicyRepository policies;

	private final AccessControl access;

	private final Clock clock;

	SecurityPolicyManagement(PolicyRepository policies, AccessControl access, Clock clock) {
		this.policies = policies;
		this.access = access;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SecurityPolicy policy() {
		return entity().toPolicy();
	}

	public SecurityPolicy update(SecurityPolicy policy) {
		this.access.require("policy:write");
		PolicyEntity entity = entity();
		if (policy.version() != null && policy.version() != entity.getVersion()) {
			throw Conflict.staleVersion("securityPolicy", POLICY_ID);
		}
		entity.apply(policy, this.clock.instant());
		this.policies.flush();
		return entity.toPolicy();
	}

	private PolicyEntity entity() {
		return this.policies.findById(POLICY_ID).orElseThrow();
	}

}
