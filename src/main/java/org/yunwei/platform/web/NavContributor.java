package org.yunwei.platform.web;

import java.util.List;

/** Implemented by a module (as a bean) to put its screens in the left navigation. */
public interface NavContributor {

	List<NavItem> items();

}
