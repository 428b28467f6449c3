package org.yunwei.platform.audit.internal;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditIgnore;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.audit.AuditSecret;

/**
 * Audits every create, update and delete of every entity, with the changed fields before
 * → after, so that no module writes audit code of its own. Entries are written by
 * Hibernate just before the transaction completes, in the same transaction.
 */
@Component
class EntityChangeAuditor implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		SmartInitializingSingleton {

	static final String MASK = "******";

	private static final List<String> TECHNICAL = List.of("version", "createdAt", "updatedAt");

	private final EntityManagerFactory entityManagerFactory;

	private final Map<Class<?>, Map<String, Field>> fields = new ConcurrentHashMap<>();

	private final Map<SharedSessionContractImplementor, List<AuditRecord>> pending = new ConcurrentHashMap<>();

	EntityChangeAuditor(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		EventListenerRegistry registry = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.getService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
		registry.appendListeners(EventType.POST_DELETE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		Map<String, AuditEvent.Change> changes = new LinkedHashMap<>();
		String[] names = event.getPersister().getPropertyNames();
		Object[] state = event.getState();
		for (int i = 0; i < names.length; i++) {
			if (audited(event.getEntity().getClass(), names[i]) && state[i] != null && !isCollection(state[i])) {
				changes.put(names[i],
						new AuditEvent.Change(null, render(event.getEntity().getClass(), names[i], state[i])));
			}
		}
		enqueue(event.getSession(), event.getPersister(), event.getEntity(), event.getId(), AuditAction.CREATE,
				changes);
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		Map<String, AuditEvent.Change> changes = new LinkedHashMap<>();
		String[] names = event.getPersister().getPropertyNames();
		Object[] old = event.getOldState();
		Object[] now = event.getState();
		int[] dirty = event.getDirtyProperties();
		if (dirty == null) {
			return;
		}
		Class<?> type = event.getEntity().getClass();
		for (int i : dirty) {
			Object before = (old == null) ? null : old[i];
			if (audited(type, names[i]) && !isCollection(now[i]) && !Objects.equals(before, now[i])) {
				changes.put(names[i],
						new AuditEvent.Change(render(type, names[i], before), render(type, names[i], now[i])));
			}
		}
		if (!changes.isEmpty()) {
			enqueue(event.getSession(), event.getPersister(), event.getEntity(), event.getId(), AuditAction.UPDATE,
					changes);
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		Map<String, AuditEvent.Change> changes = new LinkedHashMap<>();
		String[] names = event.getPersister().getPropertyNames();
		Object[] state = event.getDeletedState();
		Class<?> type = event.getEntity().getClass();
		for (int i = 0; state != null && i < names.length; i++) {
			if (audited(type, names[i]) && state[i] != null && !isCollection(state[i])) {
				changes.put(names[i], new AuditEvent.Change(render(type, names[i], state[i]), null));
			}
		}
		enqueue(event.getSession(), event.getPersister(), event.getEntity(), event.getId(), AuditAction.DELETE,
				changes);
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void enqueue(SharedSessionContractImplementor session, EntityPersister persister, Object entity, Object id,
			AuditAction action, Map<String, AuditEvent.Change> changes) {
		String type = recordType(entity.getClass());
		AuditEvent event = new AuditEvent(action, type, String.valueOf(id), describe(entity), changes, null, null);
		AuditRecord record = AuditContext.toRecord(event);
		List<AuditRecord> queue = this.pending.get(session);
		if (queue == null) {
			List<AuditRecord> fresh = new ArrayList<>();
			this.pending.put(session, fresh);
			session.getTransactionCompletionCallbacks().registerCallback((SharedSessionContractImplementor s) -> {
				List<AuditRecord> records = this.pending.remove(s);
				if (records != null && !records.isEmpty()) {
					s.doWork((connection) -> {
						try {
							AuditWriter.insert(connection, records);
						}
						catch (SQLException ex) {
							throw new IllegalStateException("audit trail could not be written", ex);
						}
					});
				}
			});
			session.getTransactionCompletionCallbacks()
				.registerCallback(
						(org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback) (success,
								s) -> this.pending.remove(s));
			queue = fresh;
		}
		queue.add(record);
	}

	private static String describe(Object entity) {
		return (entity instanceof AuditDescribed d) ? d.auditSummary() : null;
	}

	static String recordType(Class<?> type) {
		AuditRecordType annotation = type.getAnnotation(AuditRecordType.class);
		return (annotation != null) ? annotation.value() : type.getSimpleName().toLowerCase();
	}

	private boolean audited(Class<?> type, String property) {
		if (TECHNICAL.contains(property)) {
			return false;
		}
		Field field = field(type, property);
		return field == null || !field.isAnnotationPresent(AuditIgnore.class);
	}

	private String render(Class<?> type, String property, Object value) {
		if (value == null) {
			return null;
		}
		Field field = field(type, property);
		if (field != null && field.isAnnotationPresent(AuditSecret.class)) {
			return MASK;
		}
		return String.valueOf(value);
	}

	private static boolean isCollection(Object value) {
		return value instanceof Collection<?> || value instanceof Map<?, ?>;
	}

	private Field field(Class<?> type, String property) {
		return this.fields.computeIfAbsent(type, (t) -> {
			Map<String, Field> all = new ConcurrentHashMap<>();
			for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
				for (Field f : c.getDeclaredFields()) {
					all.putIfAbsent(f.getName(), f);
				}
			}
			return all;
		}).get(property);
	}

}
