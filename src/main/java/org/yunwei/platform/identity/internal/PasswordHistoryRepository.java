package org.yunwei.platform.identity.internal;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PasswordHistoryRepository extends JpaRepository<PasswordHistory, Long> {

	List<PasswordHistory> findByUserIdOrderByCreatedAtDescIdDesc(Long userId, Limit limit);

}
