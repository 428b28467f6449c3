package org.yunwei.platform.identity;

/**
 * A person's display name or a group's name changed ({@code kind} {@code user} or
 * {@code group}), so that whatever shows or indexes the old name can catch up.
 */
public record NameChanged(String kind, long id) {
}
