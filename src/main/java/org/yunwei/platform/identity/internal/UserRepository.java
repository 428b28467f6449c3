package org.yunwei.platform.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	long countByDepartmentId(Long departmentId);

	List<UserAccount> findByIdIn(Collection<Long> ids);

	@Query("select count(u) from UserAccount u join u.roleIds r where r = :roleId and u.active = true")
	long countActiveWithRole(Long roleId);

	@Query("select count(u) from UserAccount u join u.roleIds r where r = :roleId")
	long countWithRole(Long roleId);

}
