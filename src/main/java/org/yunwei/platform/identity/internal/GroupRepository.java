package org.yunwei.platform.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GroupRepository extends JpaRepository<AssignmentGroup, Long> {

	boolean existsByCodeIgnoreCase(String code);

	List<AssignmentGroup> findAllByOrderByNameAsc();

	@Query("select g.id from AssignmentGroup g join g.memberIds m where m = :userId")
	List<Long> findGroupIdsOfUser(Long userId);

}
