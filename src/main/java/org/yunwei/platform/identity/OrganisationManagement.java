package org.yunwei.platform.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.internal.AssignmentGroup;
import org.yunwei.platform.identity.internal.Department;
import org.yunwei.platform.identity.internal.DepartmentRepository;
import org.yunwei.platform.identity.internal.GroupRepository;
import org.yunwei.platform.identity.internal.UserAccount;
import org.yunwei.platform.identity.internal.UserRepository;

/**
 * The department tree and the assignment groups, maintained by the system administrator.
 */
@Service
@Transactional
public class OrganisationManagement {

	private final DepartmentRepository departments;

	private final GroupRepository groups;

	private final UserRepository users;

	private final JdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Directory directory;

	OrganisationManagement(DepartmentRepository departments, GroupRepository groups, UserRepository users,
			JdbcTemplate jdbc, AccessControl access, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
			Directory directory) {
		this.events = events;
		this.directory = directory;
		this.departments = departments;
		this.groups = groups;
		this.users = users;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The whole tree, depth-first, siblings by sort order then name. */
	@Transactional(readOnly = true)
	public List<DepartmentView> departmentTree() {
		this.access.require("department:read");
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("select department_id, count(*) from pf_user where department_id is not null"
				+ " group by department_id", (rs) -> {
					counts.put(rs.getLong(1), rs.getLong(2));
				});
		List<Department> all = this.departments.findAllByOrderBySortOrderAscNameAsc();
		Map<Long, List<Department>> children = new HashMap<>();
		for (Department d : all) {
			children.computeIfAbsent(d.getParentId(), (k) -> new ArrayList<>()).add(d);
		}
		List<DepartmentView> out = new ArrayList<>();
		walk(children, null, 0, counts, out);
		return out;
	}

	private void walk(Map<Long, List<Department>> children, Long parent, int depth, Map<Long, Long> counts,
			List<DepartmentView> out) {
		for (Department d : children.getOrDefault(parent, List.of())) {
			out.add(view(d, depth, counts.getOrDefault(d.getId(), 0L)));
			walk(children, d.getId(), depth + 1, counts, out);
		}
	}

	@Transactional(readOnly = true)
	public DepartmentView department(long id) {
		this.access.require("department:read");
		Department d = this.departments.findById(id).orElseThrow(() -> NotFound.of("department", id));
		return view(d, 0, this.users.countByDepartmentId(id));
	}

	public DepartmentView createDepartment(DepartmentFormData form) {
		this.access.require("department:write");
		if (this.departments.existsByCodeIgnoreCase(form.getCode().trim())) {
			throw new ValidationFailed("code", "error.codeTaken", form.getCode());
		}
		checkParent(null, form.getParentId());
		Department d = new Department(form.getCode().trim(), form.getName().trim(), form.getParentId(),
				this.clock.instant());
		d.setSortOrder(form.getSortOrder());
		d.setActive(form.isActive());
		this.departments.saveAndFlush(d);
		return view(d, 0, 0);
	}

	public DepartmentView updateDepartment(long id, DepartmentFormData form) {
		this.access.require("department:write");
		Department d = this.departments.findById(id).orElseThrow(() -> NotFound.of("department", id));
		checkVersion("department", id, d.getVersion(), form.getVersion());
		String code = form.getCode().trim();
		if (!code.equalsIgnoreCase(d.getCode()) && this.departments.existsByCodeIgnoreCase(code)) {
			throw new ValidationFailed("code", "error.codeTaken", code);
		}
		checkParent(id, form.getParentId());
		d.setCode(code);
		d.setName(form.getName().trim());
		d.setParentId(form.getParentId());
		d.setSortOrder(form.getSortOrder());
		d.setActive(form.isActive());
		d.touch(this.clock.instant());
		this.departments.flush();
		return view(d, 0, this.users.countByDepartmentId(id));
	}

	/**
	 * Deletes an empty department (no sub-departments, no users); others are deactivated
	 * instead.
	 */
	public void deleteDepartment(long id) {
		this.access.require("department:write");
		Department d = this.departments.findById(id).orElseThrow(() -> NotFound.of("department", id));
		if (this.departments.countByParentId(id) > 0 || this.users.countByDepartmentId(id) > 0) {
			throw new Conflict("error.department.notEmpty", d.getName());
		}
		this.departments.delete(d);
		this.departments.flush();
	}

	private void checkParent(Long id, Long parentId) {
		if (parentId == null) {
			return;
		}
		Map<Long, Long> parents = new HashMap<>();
		this.departments.findAll().forEach((d) -> parents.put(d.getId(), d.getParentId()));
		if (!parents.containsKey(parentId)) {
			throw new ValidationFailed("parentId", "error.department.unknown", parentId);
		}
		for (Long p = parentId; p != null; p = parents.get(p)) {
			if (Objects.equals(p, id)) {
				throw new ValidationFailed("parentId", "error.department.cycle");
			}
		}
	}

	private static DepartmentView view(Department d, int depth, long users) {
		return new DepartmentView(d.getId(), d.getCode(), d.getName(), d.getParentId(), d.getSortOrder(), d.isActive(),
				depth, users, d.getVersion());
	}

	@Transactional(readOnly = true)
	public List<GroupView> groups() {
		this.access.require("group:read");
		List<AssignmentGroup> all = this.groups.findAllByOrderByNameAsc();
		LinkedHashSet<Long> people = new LinkedHashSet<>();
		all.forEach((g) -> {
			people.addAll(g.getMemberIds());
			if (g.getLeaderId() != null) {
				people.add(g.getLeaderId());
			}
		});
		Map<Long, UserAccount> byId = new HashMap<>();
		if (!people.isEmpty()) {
			this.users.findByIdIn(people).forEach((u) -> byId.put(u.getId(), u));
		}
		return all.stream().map((g) -> view(g, byId)).toList();
	}

	@Transactional(readOnly = true)
	public GroupView group(long id) {
		this.access.require("group:read");
		AssignmentGroup g = this.groups.findById(id).orElseThrow(() -> NotFound.of("group", id));
		return view(g, people(g));
	}

	public GroupView createGroup(GroupFormData form) {
		this.access.require("group:write");
		if (this.groups.existsByCodeIgnoreCase(form.getCode().trim())) {
			throw new ValidationFailed("code", "error.codeTaken", form.getCode());
		}
		AssignmentGroup g = new AssignmentGroup(form.getCode().trim(), form.getName().trim(), this.clock.instant());
		apply(g, form);
		this.groups.saveAndFlush(g);
		this.directory.groupsChanged();
		return view(g, people(g));
	}

	public GroupView updateGroup(long id, GroupFormData form) {
		this.access.require("group:write");
		AssignmentGroup g = this.groups.findById(id).orElseThrow(() -> NotFound.of("group", id));
		checkVersion("group", id, g.getVersion(), form.getVersion());
		String code = form.getCode().trim();
		if (!code.equalsIgnoreCase(g.getCode()) && this.groups.existsByCodeIgnoreCase(code)) {
			throw new ValidationFailed("code", "error.codeTaken", code);
		}
		g.setCode(code);
		String before = g.getName();
		apply(g, form);
		g.touch(this.clock.instant());
		this.groups.flush();
		this.directory.groupsChanged();
		if (!g.getName().equals(before)) {
			this.events.publishEvent(new NameChanged("group", id));
		}
		return view(g, people(g));
	}

	private void apply(AssignmentGroup g, GroupFormData form) {
		LinkedHashSet<Long> wanted = new LinkedHashSet<>(form.getMemberIds());
		if (form.getLeaderId() != null) {
			wanted.add(form.getLeaderId());
		}
		List<UserAccount> found = wanted.isEmpty() ? List.of() : this.users.findByIdIn(wanted);
		if (found.size() != wanted.size()) {
			throw new ValidationFailed("memberIds", "error.group.unknownMember");
		}
		List<String> before = names(g.getMemberIds());
		g.setName(form.getName().trim());
		g.setDescription(form.getDescription());
		g.setLeaderId(form.getLeaderId());
		g.setActive(form.isActive());
		g.getMemberIds().clear();
		g.getMemberIds().addAll(wanted);
		List<String> after = names(wanted);
		if (g.getId() != null && !before.equals(after)) {
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, "group", g.getId(), g.auditSummary())
				.withChange("members", String.join(", ", before), String.join(", ", after)));
		}
	}

	private List<String> names(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.users.findByIdIn(ids).stream().map(UserAccount::getUsername).sorted().toList();
	}

	private Map<Long, UserAccount> people(AssignmentGroup g) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>(g.getMemberIds());
		if (g.getLeaderId() != null) {
			ids.add(g.getLeaderId());
		}
		Map<Long, UserAccount> byId = new HashMap<>();
		if (!ids.isEmpty()) {
			this.users.findByIdIn(ids).forEach((u) -> byId.put(u.getId(), u));
		}
		return byId;
	}

	private static GroupView view(AssignmentGroup g, Map<Long, UserAccount> people) {
		List<GroupView.Member> members = g.getMemberIds()
			.stream()
			.map(people::get)
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(UserAccount::getDisplayName))
			.map((u) -> new GroupView.Member(u.getId(), u.getUsername(), u.getDisplayName()))
			.toList();
		UserAccount leader = (g.getLeaderId() == null) ? null : people.get(g.getLeaderId());
		return new GroupView(g.getId(), g.getCode(), g.getName(), g.getDescription(), g.getLeaderId(),
				leader == null ? null : leader.getDisplayName(), g.isActive(), members, g.getVersion());
	}

	static void checkVersion(String type, long id, int current, Integer given) {
		if (given == null) {
			throw new ValidationFailed("version", "error.versionRequired");
		}
		if (given != current) {
			throw Conflict.staleVersion(type, id);
		}
	}

}
