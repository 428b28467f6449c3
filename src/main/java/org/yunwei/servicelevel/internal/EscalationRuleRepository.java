package org.yunwei.servicelevel.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRuleRepository extends JpaRepository<EscalationRule, Long> {

	List<EscalationRule> findAllByOrderByIdAsc();

	List<EscalationRule> findByActiveTrueOrderByIdAsc();

}
