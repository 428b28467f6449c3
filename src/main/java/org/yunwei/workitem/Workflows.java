package org.yunwei.workitem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.workitem.internal.WorkflowDiagram;
import org.yunwei.workitem.internal.WorkflowRepository;
import org.yunwei.workitem.internal.WorkflowValidator;
import org.yunwei.workitem.internal.WorkflowVersion;

/**
 * The workflow of each work-item type: read, validate, save as a new version, draw. A
 * saved version never changes, so records that started on it keep working; only
 * {@code workflow:write} saves.
 */
@Service
@Transactional
public class Workflows {

	public static final String WRITE = "workflow:write";

	private final WorkflowRepository versions;

	private final WorkflowValidator validator;

	private final JsonMapper json;

	private final AccessControl access;

	private final WorkItemTypes types;

	private final Clock clock;

	private final Map<Long, WorkflowDefinition> parsed = new ConcurrentHashMap<>();

	Workflows(WorkflowRepository versions, WorkflowValidator validator, JsonMapper json, AccessControl access,
			WorkItemTypes types, Clock clock) {
		this.versions = versions;
		this.validator = validator;
		this.json = json;
		this.access = access;
		this.types = types;
		this.clock = clock;
	}

	/** The version new records of the type start on. */
	@Transactional(readOnly = true)
	public WorkflowView current(String type) {
		WorkItemType t = this.types.get(type);
		requireReader(t);
		return view(active(type));
	}

	/** Every saved version of the type, newest first. */
	@Transactional(readOnly = true)
	public List<WorkflowView> history(String type) {
		requireReader(this.types.get(type));
		return this.versions.findByTypeCodeOrderByNumberDesc(type).stream().map(this::view).toList();
	}

	/** A version's definition (cached: versions never change). */
	@Transactional(readOnly = true)
	public WorkflowDefinition definition(long workflowId) {
		WorkflowDefinition known = this.parsed.get(workflowId);
		if (known != null) {
			return known;
		}
		WorkflowVersion v = this.versions.findById(workflowId).orElseThrow(() -> NotFound.of("workflow", workflowId));
		WorkflowDefinition def = parse(v.getDefinition());
		this.parsed.put(workflowId, def);
		return def;
	}

	/** The version number of a saved workflow. */
	@Transactional(readOnly = true)
	public int versionNumber(long workflowId) {
		return this.versions.findById(workflowId).map(WorkflowVersion::getNumber).orElse(0);
	}

	long activeId(String type) {
		return active(type).getId();
	}

	/**
	 * Parses and validates a definition without saving it; the violations name the place
	 * ({@code states[2].code}) and say what is wrong.
	 */
	public WorkflowDefinition check(String definition) {
		WorkflowDefinition def = parse(definition);
		List<Violation> violations = this.validator.validate(def);
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
		return def;
	}

	public WorkflowView save(String type, String definition) {
		CurrentUser me = this.access.require(WRITE);
		this.types.get(type);
		check(definition);
		List<WorkflowVersion> all = this.versions.findByTypeCodeOrderByNumberDesc(type);
		all.stream().filter(WorkflowVersion::isActive).forEach(WorkflowVersion::retire);
		int next = all.isEmpty() ? 1 : all.get(0).getNumber() + 1;
		WorkflowVersion saved = this.versions
			.saveAndFlush(new WorkflowVersion(type, next, definition.strip(), this.clock.instant(), me.username()));
		return view(saved);
	}

	/** Installs the type's shipped workflow when it has none yet (first start). */
	public void installDefault(WorkItemType type) {
		if (!this.versions.findByTypeCodeOrderByNumberDesc(type.code()).isEmpty()) {
			return;
		}
		String definition;
		try (InputStream in = new ClassPathResource(type.defaultWorkflow()).getInputStream()) {
			definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("missing default workflow " + type.defaultWorkflow(), ex);
		}
		check(definition);
		this.versions.saveAndFlush(new WorkflowVersion(type.code(), 1, definition.strip(), this.clock.instant(), null));
	}

	/** The definition drawn as SVG; on a record with its path and current state. */
	public String diagram(WorkflowDefinition definition, String language, String current, Set<String> visited,
			Set<String> taken) {
		return WorkflowDiagram.svg(definition, language, current, visited, taken);
	}

	private WorkflowDefinition parse(String definition) {
		if (definition == null || definition.isBlank()) {
			throw new ValidationFailed("definition", "workflow.error.empty");
		}
		try {
			return this.json.readValue(definition, WorkflowDefinition.class);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null) ? String.valueOf(ex.getLocation().getLineNr()) : "?";
			throw new ValidationFailed("definition", "workflow.error.json", where, ex.getOriginalMessage());
		}
	}

	private WorkflowVersion active(String type) {
		return this.versions.findFirstByTypeCodeAndActiveTrue(type).orElseThrow(() -> NotFound.of("workflow", type));
	}

	private void requireReader(WorkItemType type) {
		CurrentUser me = this.access.user();
		if (!me.has(type.readPermission()) && !me.has(WRITE)) {
			throw org.yunwei.platform.Forbidden.missing(type.readPermission());
		}
	}

	private WorkflowView view(WorkflowVersion v) {
		return new WorkflowView(v.getId(), v.getTypeCode(), v.getNumber(), v.getDefinition(), definition(v.getId()),
				v.getCreatedAt(), v.getCreatedBy());
	}

}
