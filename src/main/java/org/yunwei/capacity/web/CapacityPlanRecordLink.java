package org.yunwei.capacity.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.platform.web.RecordLink;

/** A capacity plan opens in the list of plans. (The page checks who may see it.) */
@Component
class CapacityPlanRecordLink implements RecordLink {

	@Override
	public Set<String> types() {
		return Set.of("capacityPlan");
	}

	@Override
	public Optional<String> path(String type, long id) {
		return Optional.of("/capacity/plans#plan-" + id);
	}

}
