package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LinkRepository extends JpaRepository<Link, Long> {

	@Query("select l from Link l where (l.fromType = ?1 and l.fromId = ?2) or (l.toType = ?1 and l.toId = ?2) order by l.id")
	List<Link> involving(String type, long id);

	boolean existsByFromTypeAndFromIdAndKindAndToTypeAndToId(String fromType, long fromId,
			org.yunwei.workitem.LinkKind kind, String toType, long toId);

}
