package org.yunwei.support;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import org.yunwei.platform.identity.AuthenticatedUser;
import org.yunwei.platform.identity.GroupFormData;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.platform.identity.RoleManagement;
import org.yunwei.platform.identity.UserFormData;
import org.yunwei.platform.identity.UserManagement;

/**
 * Test people made the way the product makes them: the system administrator creates the
 * account, the security administrator grants its roles, the person sets their own
 * password. Each gets a unique username and the password {@link #PASSWORD}.
 */
public final class TestUsers {

	public static final String PASSWORD = "Test-User-Pass-2026!";

	private final UserManagement users;

	private final RoleManagement roles;

	private final OrganisationManagement organisation;

	private final org.yunwei.platform.identity.Directory directory;

	public TestUsers(ApplicationContext context) {
		this.directory = context.getBean(org.yunwei.platform.identity.Directory.class);
		this.users = context.getBean(UserManagement.class);
		this.roles = context.getBean(RoleManagement.class);
		this.organisation = context.getBean(OrganisationManagement.class);
	}

	/** A person who can sign in. */
	public record Person(long id, String username) {
	}

	public Person create(String prefix, Long departmentId, String... roleCodes) {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		UserFormData form = new UserFormData();
		form.setUsername(username);
		form.setDisplayName(prefix + " " + username.substring(prefix.length()));
		form.setDepartmentId(departmentId);
		form.setEmail(username + "@example.gov.cn");
		UserManagement.CreatedUser created = as(1, "sysadmin", () -> this.users.create(form));
		long id = created.user().id();
		as(2, "secadmin", () -> {
			this.roles.grant(id, List.of(roleCodes), created.user().version());
			return null;
		});
		as(id, username, () -> {
			this.users.changeOwnPassword(created.initialPassword(), PASSWORD);
			return null;
		});
		return new Person(id, username);
	}

	/** A new active assignment group with these members; returns its id. */
	public long group(String name, Person... members) {
		return group("G-" + UUID.randomUUID().toString().substring(0, 8), name, members);
	}

	/** A new active assignment group with this code and these members; returns its id. */
	public long group(String code, String name, Person... members) {
		GroupFormData form = new GroupFormData();
		form.setCode(code);
		form.setName(name);
		for (Person p : members) {
			form.getMemberIds().add(p.id());
		}
		return as(1, "sysadmin", () -> this.organisation.createGroup(form)).id();
	}

	/**
	 * The group of this code with these members added: created when no test of the same
	 * context has made it yet (tests sharing a context share its groups).
	 */
	public long joinGroup(String code, String name, Person... members) {
		java.util.Optional<Long> existing = this.directory.findGroup(code);
		if (existing.isEmpty()) {
			return group(code, name, members);
		}
		return as(1, "sysadmin", () -> {
			GroupFormData form = GroupFormData.of(this.organisation.group(existing.get()));
			for (Person p : members) {
				form.getMemberIds().add(p.id());
			}
			return this.organisation.updateGroup(existing.get(), form);
		}).id();
	}

	/** Runs an action as the given account (by id, as the bootstrap created it). */
	public static <T> T as(long id, String username, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken
				.authenticated(new AuthenticatedUser(id, username, username), null, Set.of()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

}
