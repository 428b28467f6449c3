package org.yunwei.workitem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReadCache;
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
 * {@code workflow:write} saves. A type may also hold variants, each with its own versions
 * (the fulfilment workflow of each catalogue item is a variant of the request type's); a
 * record starts on its variant's workflow, or on the type's own.
 */
@Service
@Transactional
public class Workflows {

	public static final String WRITE = "workflow:write";

	/** The variant code of a type's own workflow. */
	public static final String OWN = "";

	private final WorkflowRepository versions;

	private final WorkflowValidator validator;

	private final JsonMapper json;

	private final AccessControl access;

	private final WorkItemTypes types;

	private final Clock clock;

	/** Definitions and version numbers by version id (versions never change). */
	private final ReadCache<Long, WorkflowDefinition> parsed = new ReadCache<>();

	private final ReadCache<Long, Integer> numbers = new ReadCache<>();

	/**
	 * The active version per type and variant, read on every create: forgotten when a
	 * version is saved, and again once that transaction has ended.
	 */
	private final ReadCache<String, Long> activeIds = new ReadCache<>();

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
		return current(type, OWN);
	}

	/**
	 * The version new records of a variant of the type start on: the variant's own, or
	 * the type's when the variant has none yet.
	 */
	@Transactional(readOnly = true)
	public WorkflowView current(String type, String variant) {
		WorkItemType t = this.types.get(type);
		requireReader(t);
		return view(active(type, variant));
	}

	/**
	 * The version number of the workflow new records of a type start on, empty when the
	 * type has none (read by the system: the conformance engine's evidence that a process
	 * is configured).
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> activeVersion(String type) {
		return this.versions.findFirstByTypeCodeAndVariantAndActiveTrue(type, OWN).map((v) -> versionNumber(v.getId()));
	}

	/** Every saved version of the type's own workflow, newest first. */
	@Transactional(readOnly = true)
	public List<WorkflowView> history(String type) {
		return history(type, OWN);
	}

	/** Every saved version of a variant, newest first (empty while it has none). */
	@Transactional(readOnly = true)
	public List<WorkflowView> history(String type, String variant) {
		requireReader(this.types.get(type));
		return this.versions.findByTypeCodeAndVariantOrderByNumberDesc(type, variantCode(variant))
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * The variants of a type that have a workflow of their own, with the number of their
	 * latest version (the type's own under {@code ""}).
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> variants(String type) {
		requireReader(this.types.get(type));
		Map<String, Integer> result = new java.util.HashMap<>();
		for (Object[] row : this.versions.latestByVariant(type)) {
			result.put((String) row[0], ((Number) row[1]).intValue());
		}
		return result;
	}

	/** A version's definition (cached: versions never change). */
	@Transactional(readOnly = true)
	public WorkflowDefinition definition(long workflowId) {
		return this.parsed.get(workflowId, (id) -> parse(
				this.versions.findById(id).orElseThrow(() -> NotFound.of("workflow", id)).getDefinition()));
	}

	/** The version number of a saved workflow. */
	@Transactional(readOnly = true)
	public int versionNumber(long workflowId) {
		Integer number = this.numbers.get(workflowId,
				(id) -> this.versions.findById(id).map(WorkflowVersion::getNumber).orElse(null));
		return (number == null) ? 0 : number;
	}

	long activeId(String type, String variant) {
		return this.activeIds.get(type + "/" + variantCode(variant), (key) -> active(type, variant).getId());
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
		return save(type, OWN, definition);
	}

	/** Saves a new version of the type's own workflow or of one of its variants. */
	public WorkflowView save(String type, String variant, String definition) {
		CurrentUser me = this.access.require(WRITE);
		this.types.get(type);
		check(definition);
		return store(type, variantCode(variant), definition, me.username());
	}

	/** Installs the type's shipped workflow when it has none yet (first start). */
	public void installDefault(WorkItemType type) {
		if (!this.versions.findByTypeCodeAndVariantOrderByNumberDesc(type.code(), OWN).isEmpty()) {
			return;
		}
		String definition = shipped(type.defaultWorkflow());
		check(definition);
		this.versions
			.saveAndFlush(new WorkflowVersion(type.code(), OWN, 1, definition.strip(), this.clock.instant(), null));
		this.activeIds.forget();
	}

	/**
	 * Gives a variant that has no workflow yet its first version, from a shipped
	 * definition on the classpath; a module calls it when it creates what the variant
	 * stands for (a catalogue item), after checking its own permission. A variant that
	 * already has versions keeps them.
	 */
	public void installVariant(String type, String variant, String resource, String createdBy) {
		this.types.get(type);
		String code = variantCode(variant);
		if (code.isEmpty() || !this.versions.findByTypeCodeAndVariantOrderByNumberDesc(type, code).isEmpty()) {
			return;
		}
		String definition = shipped(resource);
		check(definition);
		store(type, code, definition, createdBy);
	}

	private WorkflowView store(String type, String variant, String definition, String createdBy) {
		List<WorkflowVersion> all = this.versions.findByTypeCodeAndVariantOrderByNumberDesc(type, variant);
		this.activeIds.forget();
		all.stream().filter(WorkflowVersion::isActive).forEach(WorkflowVersion::retire);
		int next = all.isEmpty() ? 1 : all.get(0).getNumber() + 1;
		WorkflowVersion saved = this.versions.saveAndFlush(
				new WorkflowVersion(type, variant, next, definition.strip(), this.clock.instant(), createdBy));
		return view(saved);
	}

	private static String shipped(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("missing shipped workflow " + resource, ex);
		}
	}

	private static String variantCode(String variant) {
		if (variant == null || variant.isBlank()) {
			return OWN;
		}
		if (!variant.matches("[a-z0-9][a-z0-9-]{0,39}")) {
			throw new ValidationFailed("variant", "workflow.error.variant", variant);
		}
		return variant;
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

	private WorkflowVersion active(String type, String variant) {
		String code = variantCode(variant);
		Optional<WorkflowVersion> own = code.isEmpty() ? Optional.empty()
				: this.versions.findFirstByTypeCodeAndVariantAndActiveTrue(type, code);
		return own.or(() -> this.versions.findFirstByTypeCodeAndVariantAndActiveTrue(type, OWN))
			.orElseThrow(() -> NotFound.of("workflow", type));
	}

	private void requireReader(WorkItemType type) {
		CurrentUser me = this.access.user();
		if (!me.has(type.readPermission()) && !me.has(WRITE)) {
			throw org.yunwei.platform.Forbidden.missing(type.readPermission());
		}
	}

	private WorkflowView view(WorkflowVersion v) {
		return new WorkflowView(v.getId(), v.getTypeCode(), v.getVariant(), v.getNumber(), v.getDefinition(),
				definition(v.getId()), v.getCreatedAt(), v.getCreatedBy());
	}

}
