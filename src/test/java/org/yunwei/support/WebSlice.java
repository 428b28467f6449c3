package org.yunwei.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.web.Formats;
import org.yunwei.platform.web.JsonPatches;
import org.yunwei.platform.web.Problems;

/**
 * What the shared web infrastructure (layout, language, password-change gate) needs in a
 * {@code @WebMvcTest} slice: the caller's access and the few lookups the layout makes.
 * The controller's own facade is mocked by each test; the kernel's web helpers are real.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import({ JsonPatches.class, Problems.class, Formats.class })
@MockitoBean(types = { AccessControl.class, ApiTokenManagement.class, JdbcTemplate.class })
public @interface WebSlice {

}
