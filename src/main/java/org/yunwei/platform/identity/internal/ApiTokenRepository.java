package org.yunwei.platform.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenDigest(String tokenDigest);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

}
