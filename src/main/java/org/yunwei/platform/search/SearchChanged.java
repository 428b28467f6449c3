package org.yunwei.platform.search;

/**
 * A record's searchable content changed (or it was deleted): published inside the
 * changing transaction by {@link Search#changed}, recorded by the event publication
 * registry, and applied to the index after commit.
 */
public record SearchChanged(String kind, long id) {
}
