package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface JournalRepository extends JpaRepository<JournalEntry, Long> {

	List<JournalEntry> findByItemIdOrderByIdAsc(long itemId);

	List<JournalEntry> findByItemIdInAndKindInOrderByIdAsc(java.util.Collection<Long> itemIds,
			java.util.Collection<org.yunwei.workitem.JournalKind> kinds);

}
