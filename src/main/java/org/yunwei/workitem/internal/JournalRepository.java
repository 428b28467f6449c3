package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface JournalRepository extends JpaRepository<JournalEntry, Long> {

	List<JournalEntry> findByItemIdOrderByIdAsc(long itemId);

}
