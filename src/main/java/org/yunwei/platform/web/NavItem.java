package org.yunwei.platform.web;

/**
 * One entry of the left navigation, shown only to users holding {@code permission} (null:
 * every signed-in user). {@code icon} is a Bootstrap Icons name.
 */
public record NavItem(NavArea area, String labelKey, String path, String icon, String permission) {

}
