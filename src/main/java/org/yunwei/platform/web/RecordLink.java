package org.yunwei.platform.web;

import java.util.Optional;
import java.util.Set;

/**
 * How to open a record of a module by its type and id (the types of
 * {@link org.yunwei.platform.indicator.IndicatorValue.RecordRef}): each module
 * contributes the path of its record's page, checked with the caller's permissions.
 * {@code /go/{type}/{id}} redirects there, so that lists of records (an indicator's
 * drill-down) link to each without looking every one up.
 */
public interface RecordLink {

	/** The record types this link opens. */
	Set<String> types();

	/** The page of a record, empty when there is none to show. */
	Optional<String> path(String type, long id);

}
